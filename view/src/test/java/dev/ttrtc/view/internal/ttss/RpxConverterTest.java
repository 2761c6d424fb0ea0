package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RpxConverterTest {

    @Test
    void seven_hundred_fifty_rpx_span_the_window() {
        assertEquals("375px", new RpxConverter(375).convert("750rpx"));
        assertEquals("393px", new RpxConverter(393).convert("750rpx"));
    }

    @Test
    void one_rpx_matches_the_platform_table() {
        // The docs' table: iPhone5 (320) 0.42px, iPhone6 (375) 0.5px, iPhone6 Plus (414) 0.552px.
        assertEquals("0.4267px", new RpxConverter(320).convert("1rpx"));
        assertEquals("0.5px", new RpxConverter(375).convert("1rpx"));
        assertEquals("0.552px", new RpxConverter(414).convert("1rpx"));
    }

    @Test
    void keeps_at_most_four_decimals_rounding_half_up() {
        assertEquals("0.524px", new RpxConverter(393).convert("1rpx"));
        assertEquals("1.5374px", new RpxConverter(393).convert("2.934rpx"));
        assertEquals("0.0001px", new RpxConverter(375).convert("0.0002rpx"));
        assertEquals("0px", new RpxConverter(375).convert("0.00001rpx"));
    }

    @Test
    void signs_fractions_and_exponents() {
        RpxConverter rpx = new RpxConverter(375);
        assertEquals("-10px", rpx.convert("-20rpx"));
        assertEquals("2px", rpx.convert("+4rpx"));
        assertEquals("0.25px", rpx.convert(".5rpx"));
        assertEquals("-0.25px", rpx.convert("-.5rpx"));
        assertEquals("5px", rpx.convert("1e1rpx"));
        assertEquals("0px", rpx.convert("0rpx"));
        assertEquals("0px", rpx.convert("-0rpx"));
    }

    @Test
    void every_number_in_a_shorthand_calc_or_function() {
        RpxConverter rpx = new RpxConverter(375);
        assertEquals("0 -10px 5.25px auto", rpx.convert("0 -20rpx 10.5rpx auto"));
        assertEquals("calc(100vh - 44px)", rpx.convert("calc(100vh - 88rpx)"));
        assertEquals("calc(100% - (10px*2))", rpx.convert("calc(100% - (20rpx*2))"));
        assertEquals("translate(-5px,1px) rotate(45deg)", rpx.convert("translate(-10rpx,2rpx) rotate(45deg)"));
        assertEquals("0 2px 6px rgba(0,0,0,.1)", rpx.convert("0 4rpx 12rpx rgba(0,0,0,.1)"));
        assertEquals("italic bold 12px/1.5 \"PingFang SC\"", rpx.convert("italic bold 24rpx/1.5 \"PingFang SC\""));
        assertEquals("var(--gap,10px)", rpx.convert("var(--gap,20rpx)"));
        assertEquals("calc(100% -10px)", rpx.convert("calc(100% -20rpx)"));
    }

    @Test
    void the_unit_is_case_insensitive_like_every_css_unit() {
        assertEquals("5px 5px", new RpxConverter(375).convert("10RPX 10Rpx"));
    }

    @Test
    void strings_urls_and_names_are_left_alone() {
        RpxConverter rpx = new RpxConverter(375);
        assertEquals("'10rpx'", rpx.convert("'10rpx'"));
        assertEquals("\"a\\\"10rpx\"", rpx.convert("\"a\\\"10rpx\""));
        assertEquals("url(img/10rpx.png) 5px", rpx.convert("url(img/10rpx.png) 10rpx"));
        assertEquals("url('10rpx.png')", rpx.convert("url('10rpx.png')"));
        assertEquals("icon-10rpx a10rpx _2rpx", rpx.convert("icon-10rpx a10rpx _2rpx"));
        assertEquals("10rpxs 10rpx-wide", rpx.convert("10rpxs 10rpx-wide"));
        assertEquals("10px 20%", rpx.convert("10px 20%"));
    }

    @Test
    void text_without_rpx_is_returned_as_is() {
        String text = "width: 10px; color: red";
        assertSame(text, new RpxConverter(375).convert(text));
    }

    @Test
    void the_window_width_must_be_a_positive_length() {
        assertThrows(IllegalArgumentException.class, () -> new RpxConverter(0));
        assertThrows(IllegalArgumentException.class, () -> new RpxConverter(Double.NaN));
    }
}
