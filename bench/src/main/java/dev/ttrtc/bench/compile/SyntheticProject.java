package dev.ttrtc.bench.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated mini-program project of real size for the compile benchmark: {@code files} modules,
 * half ES-module JavaScript and half TypeScript, about {@code 200} lines each, written the way
 * devtools projects are (default, named and namespace imports, re-exports, {@code export *}, a
 * {@code require} mixed in; TS interfaces, generics, enums, parameter properties, casts), each
 * module importing two others. Deterministic: the same arguments write the same files.
 */
public final class SyntheticProject {
    /** One source file of the project: its project-relative path and text. */
    public record SourceFile(String path, String text, boolean typeScript) {
        public int lines() {
            return (int) text.lines().count();
        }
    }

    private SyntheticProject() {
    }

    /** The project's sources, in memory. */
    public static List<SourceFile> sources(int files, int blocksPerFile) {
        List<SourceFile> out = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            boolean ts = i % 2 == 1;
            String path = "modules/m" + i + (ts ? ".ts" : ".js");
            out.add(new SourceFile(path, ts ? typeScript(i, files, blocksPerFile) : esModule(i, files, blocksPerFile), ts));
        }
        out.add(new SourceFile("modules/index.js", index(files), false));
        out.add(new SourceFile("utils/legacy.js", "module.exports = { legacy: true, tag: (s) => '[' + s + ']' };\n", false));
        return out;
    }

    /** Writes the sources under {@code dir} with an app.json/app.js/page so the host can launch it. */
    public static List<SourceFile> write(Path dir, int files, int blocksPerFile) throws IOException {
        List<SourceFile> sources = sources(files, blocksPerFile);
        for (SourceFile file : sources) {
            Path target = dir.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.text());
        }
        Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(dir.resolve("project.config.json"),
                "{\"setting\": {\"es6\": true, \"useCompilerPlugins\": [\"typescript\"]}}");
        Files.writeString(dir.resolve("app.js"), "import * as all from './modules/index';\nApp({ all });\n");
        Files.createDirectories(dir.resolve("pages/index"));
        Files.writeString(dir.resolve("pages/index/index.js"),
                "import { NAME_0 } from '../../modules/m0';\nPage({ data: { name: NAME_0 } });\n");
        return sources;
    }

    private static String index(int files) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < files; i++) {
            out.append("export * from './m").append(i).append("';\n");
        }
        return out.toString();
    }

    private static String esModule(int i, int files, int blocks) {
        int a = (i + 1) % files;
        int b = (i + 2) % files;
        StringBuilder out = new StringBuilder();
        out.append("import helper").append(a).append(", { NAME_").append(a).append(" as otherName, clamp").append(a)
                .append(" } from './m").append(a).append("';\n");
        out.append("import * as sibling from './m").append(b).append("';\n");
        out.append("export { clamp").append(b).append(" as reClamp").append(i).append(" } from './m").append(b).append("';\n");
        out.append("const legacy = require('../utils/legacy');\n\n");
        out.append("export const NAME_").append(i).append(" = 'module-").append(i).append("';\n");
        out.append("export function clamp").append(i).append("(value, low = 0, high = 100) {\n")
                .append("  return Math.min(high, Math.max(low, value));\n}\n\n");
        for (int k = 0; k < blocks; k++) {
            out.append(String.format(Locale.ROOT, """
                    export class Widget%1$d_%2$d {
                      #count = 0;
                      static created = 0;
                      constructor(name, options = {}) {
                        this.name = name;
                        this.options = { size: 10, ...options };
                        Widget%1$d_%2$d.created++;
                      }
                      get size() {
                        return this.options?.size ?? 0;
                      }
                      bump(step = 1) {
                        this.#count += step;
                        return clamp%3$d(this.#count, 0, 1000);
                      }
                      async load(fetcher) {
                        const result = await fetcher(`/api/${this.name}/%2$d`);
                        const { items = [], total } = result || {};
                        return items.filter((item) => item && item.visible).map((item, index) => ({
                          ...item,
                          index,
                          label: legacy.tag(`${otherName}:${item.title}`),
                          share: total ? item.value / total : 0,
                        }));
                      }
                    }

                    export function summarize%1$d_%2$d(list, key = 'value') {
                      let sum = 0;
                      for (const entry of list) {
                        if (typeof entry[key] === 'number') {
                          sum += entry[key];
                        }
                      }
                      const average = list.length ? sum / list.length : 0;
                      return { sum, average, name: sibling.NAME_%4$d, helper: typeof helper%3$d };
                    }

                    """, i, k, a, b));
        }
        out.append("export default function helper").append(i).append("(x) {\n  return summarize").append(i)
                .append("_0([{ value: x }]).sum;\n}\n");
        return out.toString();
    }

    private static String typeScript(int i, int files, int blocks) {
        int a = (i + 1) % files;
        int b = (i + 2) % files;
        StringBuilder out = new StringBuilder();
        out.append("import helper").append(a).append(", { NAME_").append(a).append(" as otherName, clamp").append(a)
                .append(" } from './m").append(a).append("';\n");
        out.append("import * as sibling from './m").append(b).append("';\n");
        out.append("import type { Options").append(i).append(" as OptionsAlias } from './m").append(i).append("';\n");
        out.append("export * from './m").append(b).append("';\n\n");
        out.append("export const NAME_").append(i).append(": string = 'module-").append(i).append("';\n");
        out.append("export function clamp").append(i).append("(value: number, low = 0, high = 100): number {\n")
                .append("  return Math.min(high, Math.max(low, value));\n}\n\n");
        out.append("export interface Options").append(i).append(" {\n  size?: number;\n  label: string;\n  tags: readonly string[];\n}\n\n");
        out.append("export enum Kind").append(i).append(" { Small = 1, Large = 2, Other = 'other' }\n\n");
        for (int k = 0; k < blocks; k++) {
            out.append(String.format(Locale.ROOT, """
                    type Entry%1$d_%2$d<T> = { value: T; visible?: boolean; title: string };

                    export class Store%1$d_%2$d<T extends { id: string }> {
                      private readonly items = new Map<string, T>();
                      protected version = 0;
                      constructor(public readonly name: string, private options: Partial<OptionsAlias> = {}) {}
                      put(item: T): this {
                        this.items.set(item.id, item);
                        this.version++;
                        return this;
                      }
                      get(id: string): T | undefined {
                        return this.items.get(id)!;
                      }
                      kind(size: number): Kind%1$d {
                        return clamp%3$d(size) > 50 ? Kind%1$d.Large : Kind%1$d.Small;
                      }
                      async refresh(load: (name: string) => Promise<T[]>): Promise<number> {
                        const fresh = await load(`${this.name}:${otherName}`);
                        fresh.forEach((entry) => this.put(entry as T));
                        return this.items.size + (this.options.size ?? 0);
                      }
                    }

                    export function total%1$d_%2$d<T>(entries: Array<Entry%1$d_%2$d<T>>, pick: (v: T) => number): number {
                      let sum = 0;
                      for (const entry of entries) {
                        if (entry.visible !== false) {
                          sum += pick(entry.value);
                        }
                      }
                      return sum + (sibling.NAME_%4$d as string).length + helper%3$d.length;
                    }

                    """, i, k, a, b));
        }
        out.append("export default function helper").append(i).append("(x: number): number {\n  return total").append(i)
                .append("_0([{ value: x, title: 't' }], (v) => v);\n}\n");
        return out.toString();
    }
}
