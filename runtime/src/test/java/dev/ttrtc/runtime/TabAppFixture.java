package dev.ttrtc.runtime;

import java.nio.file.Path;

/**
 * A tab-bar app written the way real projects write one: two tab pages, a detail page and a list
 * page with pull-down refresh, every page mixing in a shared lifecycle tracer module.
 */
final class TabAppFixture {
    static final String APP_JSON = "{\n"
            + "  \"pages\": [\"pages/home/home\", \"pages/mine/mine\", \"pages/detail/detail\", \"pages/list/list\"],\n"
            + "  \"window\": {\"navigationBarTitleText\": \"Demo\", \"navigationBarBackgroundColor\": \"#ffffff\","
            + " \"navigationBarTextStyle\": \"black\"},\n"
            + "  \"tabBar\": {\"selectedColor\": \"#ff0050\", \"list\": [\n"
            + "    {\"pagePath\": \"pages/home/home\", \"text\": \"Home\"},\n"
            + "    {\"pagePath\": \"pages/mine/mine\", \"text\": \"Mine\"}\n"
            + "  ]}\n"
            + "}\n";

    private TabAppFixture() {
    }

    static Path write(Path dir) {
        return write(dir, APP_JSON);
    }

    static Path write(Path dir, String appJson) {
        return ProjectFolder.in(dir)
                .file("app.json", appJson)
                .file("utils/trace.js", "module.exports = function trace(name, extra) {\n"
                        + "  const hooks = {};\n"
                        + "  ['onLoad', 'onShow', 'onHide', 'onUnload'].forEach((hook) => {\n"
                        + "    hooks[hook] = function () { console.log(name + '.' + hook); };\n"
                        + "  });\n"
                        + "  return Object.assign(hooks, extra);\n"
                        + "};\n")
                .page("pages/home/home", "const trace = require('../../utils/trace');\n"
                        + "Page(trace('home', {\n"
                        + "  onTabItemTap(item) { console.log('home.onTabItemTap ' + JSON.stringify(item)); },\n"
                        + "  onShareAppMessage(res) { return { title: 'Come and see', path: '/pages/home/home?ref=share',"
                        + " success() {} }; }\n"
                        + "}));\n")
                .page("pages/mine/mine", "const trace = require('../../utils/trace');\n"
                        + "Page(trace('mine', {\n"
                        + "  onTabItemTap(item) { console.log('mine.onTabItemTap ' + JSON.stringify(item)); }\n"
                        + "}));\n")
                .page("pages/detail/detail", "const trace = require('../../utils/trace');\n"
                        + "Page(trace('detail', {}));\n")
                .file("pages/list/list.json", "{\"navigationBarTitleText\": \"List\", \"enablePullDownRefresh\": true}\n")
                .page("pages/list/list", "const trace = require('../../utils/trace');\n"
                        + "Page(trace('list', {\n"
                        + "  onPullDownRefresh() {\n"
                        + "    console.log('list.onPullDownRefresh');\n"
                        + "  },\n"
                        + "  refreshed() { tt.stopPullDownRefresh({ success: () => console.log('stopped') }); },\n"
                        + "  onReachBottom() { console.log('list.onReachBottom'); },\n"
                        + "  onPageScroll(e) { console.log('list.onPageScroll ' + e.scrollTop); }\n"
                        + "}));\n")
                .write();
    }
}
