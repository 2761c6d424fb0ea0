package dev.ttrtc.bench.view;

import java.util.List;

/**
 * One setData → patched-view case, run the same way by tt-rtc-host and by j-component: one
 * page template (TTML; j-component gets it with {@code wx:} for {@code tt:}), its first data,
 * and the setData of step {@code i} as a JS expression of {@code i} that both sides evaluate.
 *
 * @param check a JS expression of {@code root} (j-component's root component) and {@code i}
 *     that is true once step i shows in its DOM; the host's side waits for the patch ops instead
 */
record PatchCase(String name, String template, String initialData, String update, String check) {

    /** The three cases of the view issue: (a) one text on the sample's room page, (b) a 100-item list replaced, (c) one item of 1,000. */
    static List<PatchCase> all(String roomTemplate) {
        return List.of(
                new PatchCase("(a) room page: one text changed", roomTemplate,
                        "{ roomId: 'r', userId: 'me', members: ['me', 'bob', 'carol'], videoMembers: ['me', 'bob', 'carol'],"
                                + " speakers: ['bob'], screenMembers: [], state: 'joining', micOn: true, cameraOn: true }",
                        "({ state: 's' + i })",
                        "root.querySelector('.hint').dom.textContent === 's' + i"),
                new PatchCase("(b) 100-item tt:for replaced", LIST_TEMPLATE, listData(100),
                        "({ items: Array.from({ length: 100 }, (_, k) => ({ id: k, label: 'L' + k + '/' + i })) })",
                        "root.querySelectorAll('.item')[99].dom.textContent === 'L99/' + i"),
                new PatchCase("(c) 1,000-item tt:for, one item changed", LIST_TEMPLATE, listData(1000),
                        "({ 'items[500].label': 'n' + i })",
                        "root.querySelectorAll('.item')[500].dom.textContent === 'n' + i"));
    }

    private static final String LIST_TEMPLATE =
            "<view class=\"list\"><view tt:for=\"{{items}}\" tt:key=\"id\" class=\"item\">{{item.label}}</view></view>";

    private static String listData(int size) {
        return "{ items: Array.from({ length: " + size + " }, (_, k) => ({ id: k, label: 'L' + k })) }";
    }
}
