// Declarations of the tt-host script-test API, for editor completion in *.test.js files.
// Reference it from a jsconfig.json ("include": ["**/*.test.js", "path/to/tt-host-test.d.ts"]).

/** One entry of a mini-program instance's event log. */
interface HostEvent {
  seq: number;
  /** ISO-8601 time it was recorded. */
  time: string;
  kind: 'console' | 'ui' | 'api-call' | 'api-result' | 'event' | 'lifecycle' | 'handler' | 'navigation' | 'data' | 'error' | 'warn';
  /** The API, event, hook, route or console level it concerns. */
  name: string;
  /** One readable line. */
  text: string;
  data: any;
  /** data.payload: the payload of an API result or of an event delivered to JS. */
  payload?: any;
}

/** Selects events: an event name, a partial event, or a predicate. */
type EventMatcher = string | Partial<HostEvent> | ((event: HostEvent) => boolean);

interface WaitOptions {
  /** Milliseconds; default 10000. */
  timeout?: number;
  /** Only events with a larger seq count (default: every event so far). */
  since?: number;
}

interface PageEventInit {
  type?: string;
  detail?: any;
  dataset?: Record<string, any>;
}

interface LaunchOptions {
  /** The page to open first (default: the app's launch page). */
  page?: string;
  /** The launch query, as an object or 'k=v&k2=v2'. */
  query?: Record<string, string> | string;
  /** Overrides of tt.getSystemInfoSync() fields. */
  systemInfo?: Record<string, any>;
  /** Replace tt APIs: a function (its source runs in the instance; no closures) or { result }. */
  mocks?: Record<string, ((...args: any[]) => any) | { result: any }>;
  /** Scopes the simulated user refuses: { 'scope.record': false }. */
  authorize?: Record<string, boolean>;
  /** What tt.showModal answers; default 'confirm'. */
  modal?: 'confirm' | 'cancel';
  /** The item tt.showActionSheet answers with; default 0, -1 cancels. */
  actionSheet?: number;
  /** The image files (relative to the test file) the user picks in every tt.chooseImage; default none: the user cancels. */
  chooseImage?: string[];
  /** Where the phone is for tt.getLocation (WGS84; altitude in m, default 0; accuracy in m, default 30); default Tiananmen Square, Beijing. */
  position?: { latitude: number; longitude: number; altitude?: number; accuracy?: number };
  /** The network type at launch; default 'wifi'. */
  network?: 'wifi' | '2g' | '3g' | '4g' | '5g' | 'unknown' | 'none';
  /** The simulated user of tt.login / tt.getUserInfo (docs/tt-apis.md). */
  user?: {
    loggedIn?: boolean; acceptsLogin?: boolean; hasSession?: boolean; openId?: string; sessionKey?: string;
    nickName?: string; avatarUrl?: string; gender?: 0 | 1 | 2; city?: string; province?: string; country?: string;
    language?: string;
  };
  /** Connect the RTC APIs to the test's room server (default true). */
  rtc?: boolean;
  /** Give up reconnecting after this many ms (default 20000). */
  reconnectGiveUpMs?: number;
  /** What the instance's microphone sends (default 'speech'). */
  microphone?: Microphone;
  /** false: the signalling-only mode (no audio or video), for tests with many participants. */
  media?: boolean;
  /** A label for logs and thread names. */
  name?: string;
  /**
   * Points the project's hard-coded servers at other ones without editing it (the CLI's
   * --map-url): { 'https://api.example.com': 'http://127.0.0.1:8080' } (tried in the order
   * written) or ['FROM=TO', ...]. Rules in docs/apis-network.md.
   */
  mapUrl?: Record<string, string> | string[];
}

/**
 * One element of an instance's rendered page. Reads answer at once from the current render
 * tree; actions resolve once the event was dispatched and the handlers' synchronous part ran
 * (reject when the element is gone or cannot do it).
 */
interface PageElement {
  /** The TTML tag: 'view', 'button', 'my-card'. */
  readonly tag: string;
  /** What the element shows: hidden parts left out, an input's value, whitespace collapsed. */
  text(): string;
  /** An attribute as rendered ('class' as the template wrote it), or null. */
  attr(name: string): string | null;
  /** The data-* attributes, named as an event's dataset names them (data-item-id → itemId). */
  dataset(): Record<string, any>;
  /** False when the element or an ancestor is hidden, or the element is gone. */
  visible(): boolean;
  /** touchstart, touchend, tap at the element's centre. */
  tap(): Promise<void>;
  /** Types into an input or textarea: its value becomes text, then 'input' fires. */
  input(text: string): Promise<void>;
  /** A switch or checkbox to a boolean, a slider to a number, a picker to an index; 'change' fires. */
  change(value: boolean | number | string | any[]): Promise<void>;
  /** Scrolls a scroll-view (or the page, for 'page') to an offset; 'scroll' fires. */
  scroll(offset: { left?: number; top?: number }): Promise<void>;
  /** Dispatches any event type with a detail, as if the element raised it. */
  trigger(type: string, detail?: any): Promise<void>;
}

interface StreamStats {
  receiving: boolean;
  packetsReceived: number;
  bytesReceived: number;
}

/** What a participant receives from one member. */
interface MediaStats {
  userId: string;
  audio: StreamStats & { levelDbov: number; samplesDecoded: number };
  camera: StreamStats & { framesDecoded: number; framesPerSecond: number; width: number; height: number; lastCounter: number };
  screen: StreamStats & { framesDecoded: number; framesPerSecond: number; width: number; height: number; lastCounter: number };
  roundTripMillis: number;
}

/** What a microphone sends: the speech recording, silence, a tone, or speech in turns. */
type Microphone = 'speech' | 'silence' | { tone: number; dbfs?: number } | { talk: { speaking: number; pause: number } };

/** A running mini-program instance. */
interface Instance {
  readonly id: string;
  route(): string;
  /** The top page's data as of its last setData. */
  data(): any;
  query(): Record<string, string>;
  stack(): string[];
  events(filter?: EventMatcher): HostEvent[];
  errors(): HostEvent[];
  lastSeq(): number;
  /** Calls a page method as a tap handler; resolves with its (awaited) return value. */
  call(method: string, event?: PageEventInit): Promise<any>;
  /** Runs fn inside the instance (its source, with JSON arguments); resolves with its result. */
  evaluate<A extends any[]>(fn: ((...args: A) => any) | string, ...args: A): Promise<any>;
  waitFor(matcher: EventMatcher, options?: WaitOptions | number): Promise<HostEvent>;
  /** Resolves with the page data once predicate(data) holds. */
  waitForData(predicate: (data: any) => boolean, options?: WaitOptions | number): Promise<any>;
  /** What the instance receives from a member now (null without a media link). */
  media(userId: string): Promise<MediaStats | null>;
  /** What the instance sends (its newest RTC engine), or null. */
  localMedia(): { levelDbov: number; speaking: boolean; audioFramesPushed: number; cameraFramesPushed: number; screenFramesPushed: number } | null;
  hide(): void;
  show(): void;
  close(): Promise<void>;
  /**
   * The first element of the top page matching a selector (tag, .class, #id, [attr],
   * [attr=value], compounds, descendant and > combinators, lists with ','), or null. A selector
   * outside that grammar throws.
   */
  $(selector: string): PageElement | null;
  /** Every element matching a selector, in document order. */
  $$(selector: string): PageElement[];
  /** The top page as a standalone HTML document with its CSS. */
  html(): string;
  /**
   * Saves a PNG of the top page, rendered by headless Chromium at the instance's window size
   * (file relative to the test file); resolves with its absolute path. Rejects with a clear
   * error where no Chromium is installed.
   */
  screenshot(file: string): Promise<string>;
}

type StreamKind = 'audio' | 'video' | 'screen' | 'both';

interface RemoteOptions {
  /** Default 'room'. */
  roomId?: string;
  appId?: string;
  appKey?: string;
  /** Default: a fresh token for the room and user. */
  token?: string;
  /** Token lifetime in seconds (default 3600). */
  expire?: number;
  /** Whether the token grants publishing (default true). */
  publish?: boolean;
  autoPublish?: boolean;
  autoSubscribe?: boolean;
  visible?: boolean;
  /** What the participant's microphone sends (default 'speech'). */
  microphone?: Microphone;
  /** false: the signalling-only mode (no audio or video). */
  media?: boolean;
}

/** Something a Java participant saw. */
interface RemoteEvent {
  timeMillis: number;
  /** join, joined, rejoined, userJoined, userLeave, userPublish, userUnpublish, speakingStarted, speakingStopped, interrupted, ... */
  name: string;
  userId: string;
  detail: string;
}

/** A Java participant ("a user of another platform"). */
interface Remote {
  readonly userId: string;
  join(): Promise<void>;
  leave(): Promise<void>;
  /** Turns the capture on (audio/video) and publishes. */
  publish(kind: StreamKind): Promise<void>;
  unpublish(kind: StreamKind): Promise<void>;
  startCapture(kind: StreamKind): void;
  stopCapture(kind: StreamKind): void;
  setVisible(visible: boolean): Promise<void>;
  /** Vanishes without leaving, as a crashed client would. */
  dropConnection(): Promise<void>;
  /** Speech for `speaking` ms, then silence for `pause` ms, repeated (turns the microphone on). */
  talk(options: { speaking: number; pause: number }): void;
  /** Keeps the microphone on but sends silence. */
  silence(): void;
  subscribe(userId: string, kind?: StreamKind): Promise<void>;
  unsubscribe(userId: string, kind?: StreamKind): Promise<void>;
  /** What this participant receives from a member (null without a media link). */
  media(userId: string): Promise<MediaStats | null>;
  members(): { userId: string; local: boolean; speaking: boolean; state: any }[];
  events(filter?: string | Partial<RemoteEvent> | ((e: RemoteEvent) => boolean)): RemoteEvent[];
  waitFor(matcher: string | Partial<RemoteEvent> | ((e: RemoteEvent) => boolean), options?: WaitOptions | number): Promise<RemoteEvent>;
}

interface TokenOptions {
  room: string;
  user: string;
  appId?: string;
  appKey?: string;
  /** Lifetime in seconds (default 3600; 0 = never). */
  expire?: number;
  /** Issue the token this many seconds in the past. */
  issuedAgo?: number;
  /** Grant publishing (default true). */
  publish?: boolean;
}

interface RoomSnapshot {
  appId: string;
  roomId: string;
  members: { userId: string; visible: boolean; speaking: boolean; connected: boolean; tokenExpireAt: number; state: any }[];
}

interface TestContext {
  readonly name: string;
  launch(projectDir: string, options?: LaunchOptions): Promise<Instance>;
  remote(userId: string, options?: RemoteOptions): Remote;
  token(options: TokenOptions): string;
  /** The room as the server sees it, or null. */
  room(roomId: string, appId?: string): RoomSnapshot | null;
  server: { url(): string; stop(): Promise<void>; start(): Promise<void>; restart(): Promise<void> };
  /** Changes this test's timeout (ms). */
  timeout(ms: number): void;
  /** Calls check (may be async) every `interval` ms (default 50) until it returns something truthy; fails after `timeout` (default 10000). */
  waitUntil<T>(check: () => T | Promise<T>, options?: { timeout?: number; interval?: number } | number): Promise<T>;

  equal(actual: any, expected: any, message?: string): void;
  notEqual(actual: any, unexpected: any, message?: string): void;
  deepEqual(actual: any, expected: any, message?: string): void;
  ok(value: any, message?: string): void;
  match(actual: any, pattern: RegExp | string, message?: string): void;
  throws(fn: () => any, expected?: RegExp | string | Function | object, message?: string): any;
  rejects(promise: Promise<any> | (() => Promise<any>), expected?: RegExp | string | Function | object, message?: string): Promise<any>;
}

interface TestOptions {
  /** Milliseconds; default 30000 (or tt-host test --timeout). */
  timeout?: number;
}

declare function test(name: string, fn: (t: TestContext) => any): void;
declare function test(name: string, options: TestOptions, fn: (t: TestContext) => any): void;
declare namespace test {
  function only(name: string, fn: (t: TestContext) => any): void;
  function only(name: string, options: TestOptions, fn: (t: TestContext) => any): void;
  function skip(name: string, fn: (t: TestContext) => any): void;
  function skip(name: string, options: TestOptions, fn: (t: TestContext) => any): void;
}
declare function beforeEach(fn: (t: TestContext) => any): void;
declare function afterEach(fn: (t: TestContext) => any): void;
declare function require(path: string): any;
