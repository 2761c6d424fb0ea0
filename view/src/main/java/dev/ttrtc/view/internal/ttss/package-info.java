/**
 * TTSS → CSS: {@code app.ttss}, page and component stylesheets compiled for the simulator's
 * browser. {@link dev.ttrtc.view.internal.ttss.TtssCompiler} is the entry point;
 * {@link dev.ttrtc.view.internal.ttss.StyleScope} holds the conventions the HTML output shares
 * with it (element names, component class prefixes, the host attribute). Parsing and writing
 * CSS is ph-css's job; this package decides what TTSS means (docs/ttss.md).
 */
package dev.ttrtc.view.internal.ttss;
