package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** tt.getImageInfo and tt.saveImageToPhotosAlbum on the instance's own files. */
class ImageApiTest extends HostTestBase {
    private static final String LOG = "const log = (tag) => (res) => console.log(tag + ' ' + JSON.stringify(res));\n";

    private Path project(String name) throws Exception {
        Path folder = ProjectFolder.in(dir.resolve(name)).page("pages/index/index", "Page({});")
                .file("notes.txt", "not an image").write();
        Files.createDirectories(folder.resolve("img"));
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", folder.resolve("img/a.png").toFile());
        ImageIO.write(new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB), "jpg", folder.resolve("img/b.jpg").toFile());
        Files.write(folder.resolve("img/c.wbmp"), new byte[] {0, 0, 3, 2, (byte) 0xff, (byte) 0xff});
        return folder;
    }

    @Test
    void image_info_is_read_from_the_files_header() throws Exception {
        MiniProgram app = launch(project("a"));
        eval(app, LOG + "tt.getImageInfo({ src: '/img/a.png', success: log('png') });"
                + " const fs = tt.getFileSystemManager();"
                + " fs.writeFileSync(tt.env.USER_DATA_PATH + '/b.jpg', fs.readFileSync('img/b.jpg'));"
                + " tt.getImageInfo({ src: tt.env.USER_DATA_PATH + '/b.jpg', success: log('jpeg') });"
                + " tt.getImageInfo({ src: 'notes.txt', fail: log('text') });"
                + " tt.getImageInfo({ src: 'img/c.wbmp', fail: log('wbmp') });"
                + " tt.getImageInfo({ src: 'img/a\\u0000.png', fail: log('nul') });"
                + " tt.getImageInfo({ src: 'img/none.png', fail: log('missing') });"
                + " tt.getImageInfo({ src: 'https://example.com/a.png', fail: log('network') });");
        waitForConsole(app, "network {\"errMsg\":\"getImageInfo:fail tt-rtc-host reads only local images; download"
                + " https://example.com/a.png with tt.downloadFile and pass its tempFilePath\",\"errNo\":21500}");
        assertEquals(List.of(
                "png {\"errMsg\":\"getImageInfo:ok\",\"width\":3,\"height\":2,\"type\":\"png\",\"path\":\"/img/a.png\",\"orientation\":\"up\"}",
                "jpeg {\"errMsg\":\"getImageInfo:ok\",\"width\":5,\"height\":4,\"type\":\"jpeg\",\"path\":\"ttfile://user/b.jpg\","
                        + "\"orientation\":\"up\"}",
                "text {\"errMsg\":\"getImageInfo:fail notes.txt is not an image tt-rtc-host can read (PNG, JPEG, GIF or BMP)\","
                        + "\"errNo\":21500}",
                "wbmp {\"errMsg\":\"getImageInfo:fail img/c.wbmp is not an image tt-rtc-host can read (PNG, JPEG, GIF or BMP)\","
                        + "\"errNo\":21500}",
                "nul {\"errMsg\":\"getImageInfo:fail no such file or directory, getImageInfo img/a\\u0000.png\",\"errNo\":21102}",
                "missing {\"errMsg\":\"getImageInfo:fail no such file or directory, getImageInfo img/none.png\",\"errNo\":21102}"),
                consoleLines(app).subList(0, 6));
    }

    @Test
    void choosing_images_hands_over_copies_of_the_embedders_files_or_cancels() throws Exception {
        Path project = project("a");
        List<Path> images = List.of(project.resolve("img/a.png"), project.resolve("img/b.jpg"));
        MiniProgram app = launch(LaunchOptions.builder(project).chosenImages(images));
        eval(app, LOG + "tt.chooseImage({ count: 1, success: (res) => { log('one')(res.tempFiles.map((f) => f.size));"
                + "   tt.getImageInfo({ src: res.tempFilePaths[0], success: (i) => console.log('copy ' + i.width + 'x' + i.height"
                + "     + ' ' + /^ttfile:\\/\\/temp\\/\\w+\\.png$/.test(i.path)) }); } });"
                + " tt.chooseImage({ success: (res) => log('all')(res.tempFilePaths.length) });"
                + " tt.chooseImage({ sourceType: ['camera'], success: (res) => log('camera')(res.tempFilePaths.length) });"
                + " tt.chooseImage({ sourceType: ['film'], fail: log('film') });");
        waitForConsole(app, "copy 3x2 true");
        assertEquals(List.of("one [" + Files.size(images.get(0)) + "]", "all 2", "camera 1",
                "film {\"errMsg\":\"chooseImage:fail expect params.sourceType to be a non-empty array of \\\"album\\\" and"
                        + " \\\"camera\\\", but got [\\\"film\\\"]\",\"errNo\":20000}", "copy 3x2 true"), consoleLines(app));
        assertEquals(List.of("authorize {\"scope\":\"scope.album\",\"answer\":\"allow\"}",
                "chooseImage {\"count\":1,\"sourceType\":[\"album\",\"camera\"],\"answer\":[\"a.png\"]}",
                "chooseImage {\"count\":9,\"sourceType\":[\"album\",\"camera\"],\"answer\":[\"a.png\",\"b.jpg\"]}",
                "authorize {\"scope\":\"scope.camera\",\"answer\":\"allow\"}",
                "chooseImage {\"count\":1,\"sourceType\":[\"camera\"],\"answer\":[\"a.png\"]}"), ui(app));

        MiniProgram nobody = launch(project("b"));
        eval(nobody, LOG + "tt.chooseImage({ fail: log('cancelled') });");
        waitForConsole(nobody, "cancelled {\"errMsg\":\"chooseImage:fail cancel\",\"errNo\":10001}");
        assertEquals("chosen image " + project.resolve("img/none.png") + " is not a readable file",
                assertThrows(IllegalArgumentException.class,
                        () -> LaunchOptions.builder(project).chosenImages(List.of(project.resolve("img/none.png")))).getMessage());
    }

    private static List<String> ui(MiniProgram app) {
        return app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI).stream().map(e -> e.name() + " " + e.data()).toList();
    }

    @Test
    void saving_to_the_album_asks_for_its_scope_and_is_a_ui_entry() throws Exception {
        MiniProgram app = launch(project("a"));
        eval(app, LOG + "tt.saveImageToPhotosAlbum({ filePath: 'img/a.png', success: log('saved') });"
                + " tt.saveImageToPhotosAlbum({ filePath: 'img/none.png', fail: log('missing') });"
                + " tt.saveImageToPhotosAlbum({ filePath: 'http://example.com/a.png', fail: log('network') });");
        waitForConsole(app, "network {\"errMsg\":\"saveImageToPhotosAlbum:fail params.filePath must be a local file, not a"
                + " network address: http://example.com/a.png\",\"errNo\":20000}");
        assertEquals(List.of("saved {\"errMsg\":\"saveImageToPhotosAlbum:ok\"}",
                "missing {\"errMsg\":\"saveImageToPhotosAlbum:fail no such file or directory, saveImageToPhotosAlbum img/none.png\","
                        + "\"errNo\":21102}"), consoleLines(app).subList(0, 2));
        assertEquals(List.of("authorize {\"scope\":\"scope.album\",\"answer\":\"allow\"}",
                "saveImageToPhotosAlbum {\"filePath\":\"img/a.png\",\"size\":" + Files.size(dir.resolve("a/img/a.png")) + "}"),
                ui(app));

        MiniProgram denied = launch(LaunchOptions.builder(project("b")).deny("scope.album"));
        eval(denied, LOG + "tt.saveImageToPhotosAlbum({ filePath: 'img/a.png', fail: log('denied') });");
        waitForConsole(denied, "denied {\"errMsg\":\"saveImageToPhotosAlbum:fail auth deny\",\"errNo\":10200}");
    }
}
