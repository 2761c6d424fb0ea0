package dev.ttrtc.runtime.view;

/**
 * Runs SJS modules with JavaScript semantics in a sandboxed context of their own, separate
 * from the logic layer's: they see only the SJS built-ins and what their callers pass. Loop
 * thread only.
 */
public interface SjsSandbox {

    /**
     * Evaluates one module ({@code module.exports = …}) and returns it.
     *
     * @param name the file name errors and stacks name ({@code utils/format.sjs}, or
     *     {@code pages/a/a.ttml:12} for an inline module)
     * @param lineOffset the line of the module's first line in that file, minus one
     * @param require resolves {@code require(spec)} inside the module
     * @throws SjsException when the module throws or has a syntax error
     */
    SjsModule evaluate(String name, int lineOffset, String source, SjsRequire require) throws SjsException;

    /** Resolves {@code require(spec)} of the module named {@code from}; throws SjsException to fail it. */
    @FunctionalInterface
    interface SjsRequire {
        SjsModule require(String from, String spec) throws SjsException;
    }
}
