package dev.ttrtc.tools.harness;

import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;

/** An instance a test launched, with the options it was launched with (its project folder and window size). */
record Launched(MiniProgram program, LaunchOptions options) {
}
