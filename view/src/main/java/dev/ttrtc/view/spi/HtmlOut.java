package dev.ttrtc.view.spi;

import java.util.Map;

/** Writes HTML with every text and attribute value escaped. */
public interface HtmlOut {

    /** An opening tag; null attribute values are left out. */
    HtmlOut open(String tag, Map<String, String> attributes);

    HtmlOut close(String tag);

    HtmlOut text(String text);

    /** An element with attributes and text content. */
    HtmlOut element(String tag, Map<String, String> attributes, String text);
}
