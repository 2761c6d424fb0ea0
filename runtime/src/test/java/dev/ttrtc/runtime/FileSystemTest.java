package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.RequestTest.answer;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code tt.getFileSystemManager()} and the file APIs, confined to the instance's folders. */
class FileSystemTest extends HostTestBase {

    private MiniProgram launchWithData() throws Exception {
        return launch(ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("data/hello.txt", "hello from the package").write());
    }

    /** Runs {@code source} with {@code fs} bound and returns what it returns, or the thrown message. */
    private static JsonNode fs(MiniProgram app, String source) throws Exception {
        return eval(app, "(() => { const fs = tt.getFileSystemManager(); try { return (() => { " + source
                + " })(); } catch (e) { return 'threw ' + e.message; } })()");
    }

    @Test
    void sync_write_read_append_in_utf8_base64_and_binary() throws Exception {
        MiniProgram app = launchWithData();
        assertEquals(json("[\"héllo wörld\",\"aMOpbGxvIHfDtnJsZA==\",\"h\\u00c3\\u00a9llo\"]"), fs(app,
                "fs.writeFileSync('ttfile://user/a.txt', 'héllo', 'utf8');"
                + " fs.appendFileSync('ttfile://user/a.txt', ' wörld');"
                + " return [fs.readFileSync('ttfile://user/a.txt', 'utf8'), fs.readFileSync('ttfile://user/a.txt', 'base64'),"
                + " fs.readFileSync('ttfile://user/a.txt', 'binary', 0, 6)];"));
        assertEquals(json("[true,[1,2,255],\"AQL/\"]"), fs(app,
                "fs.writeFileSync('ttfile://user/b.bin', new Uint8Array([1, 2, 255]).buffer);"
                + " const raw = fs.readFileSync('ttfile://user/b.bin');"
                + " return [raw instanceof ArrayBuffer, Array.from(new Uint8Array(raw)), fs.readFileSync('ttfile://user/b.bin', 'base64')];"));
        assertEquals("hi", fs(app, "fs.writeFileSync('ttfile://user/c.txt', 'aGk=', 'base64'); return fs.readFileSync('ttfile://user/c.txt', 'utf8');").asText());
    }

    @Test
    void async_forms_answer_with_the_documented_payloads() throws Exception {
        MiniProgram app = launchWithData();
        assertEquals(json("{\"errMsg\":\"writeFile:ok\"}"), eval(app, "new Promise((done) => tt.getFileSystemManager().writeFile({"
                + " filePath: 'ttfile://user/n.json', data: '{\"a\":1}', encoding: 'utf8', success: done, fail: done }))"));
        assertEquals(json("{\"errMsg\":\"readFile:ok\",\"data\":\"{\\\"a\\\":1}\"}"), eval(app, "new Promise((done) =>"
                + " tt.getFileSystemManager().readFile({ filePath: 'ttfile://user/n.json', encoding: 'utf8', success: done, fail: done }))"));
        assertEquals(json("{\"errMsg\":\"readFile:fail no such file or directory, readFile ttfile://user/none\",\"errNo\":21102}"),
                eval(app, "new Promise((done) => tt.getFileSystemManager().readFile({ filePath: 'ttfile://user/none', fail: done }))"));
        JsonNode stat = eval(app, "new Promise((done) => tt.getFileSystemManager().stat({ path: 'ttfile://user/n.json',"
                + " success: (r) => done([r.errMsg, r.stats.size, r.stats.isFile(), r.stats.isDirectory(), r.stat === r.stats]) }))");
        assertEquals(json("[\"stat:ok\",7,true,false,true]"), stat);
        assertEquals(json("{\"errMsg\":\"access:ok\"}"), eval(app,
                "new Promise((done) => tt.getFileSystemManager().access({ path: 'data/hello.txt', success: done, fail: done }))"));
    }

    @Test
    void folders_access_stat_readdir_unlink_and_rmdir() throws Exception {
        MiniProgram app = launchWithData();
        assertEquals(json("[[\"x.txt\",\"y\"],true,\"threw accessSync:fail no such file or directory, accessSync ttfile://user/d/x.txt\"]"), fs(app,
                "fs.mkdirSync('ttfile://user/d/e', true); fs.writeFileSync('ttfile://user/d/x.txt', '1');"
                + " fs.mkdirSync('ttfile://user/d/y');"
                + " const names = fs.readdirSync('ttfile://user/d').filter((n) => n !== 'e');"
                + " const dir = fs.statSync('ttfile://user/d').isDirectory();"
                + " fs.unlinkSync('ttfile://user/d/x.txt');"
                + " try { fs.accessSync('ttfile://user/d/x.txt'); } catch (e) { return [names, dir, 'threw ' + e.message]; }"));
        assertEquals("threw rmdirSync:fail operation not permitted, rmdirSync ttfile://user/d",
                fs(app, "fs.rmdirSync('ttfile://user/d');").asText());
        assertEquals(json("[]"), fs(app, "fs.rmdirSync('ttfile://user/d', true); return fs.readdirSync('ttfile://user');"));
        assertEquals("threw mkdirSync:fail no such file or directory, mkdirSync ttfile://user/p/q",
                fs(app, "fs.mkdirSync('ttfile://user/p/q');").asText());
    }

    @Test
    void the_package_is_readable_and_nothing_outside_the_instance_folders_is_reachable() throws Exception {
        Path secret = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret.txt"), "secret");
        MiniProgram app = launchWithData();
        assertEquals("hello from the package", fs(app, "return fs.readFileSync('/data/hello.txt', 'utf8');").asText());
        assertEquals("hello from the package", fs(app, "return fs.readFileSync('./data/hello.txt', 'utf8');").asText());
        String escape = "../" + secret.getFileName();
        for (String path : new String[] {escape, "ttfile://user/../../" + secret.getFileName(), "ttfile://temp/../user/../../x",
                "file://" + secret, "http://127.0.0.1/x"}) {
            assertEquals("threw readFileSync:fail permission denied, readFileSync " + path,
                    fs(app, "return fs.readFileSync('" + path + "', 'utf8');").asText(), path);
        }
        assertEquals("threw writeFileSync:fail permission denied, writeFileSync ttfile://temp/x.txt",
                fs(app, "fs.writeFileSync('ttfile://temp/x.txt', 'no');").asText());
        assertEquals("threw writeFileSync:fail permission denied, writeFileSync data/new.txt",
                fs(app, "fs.writeFileSync('data/new.txt', 'no');").asText());
        assertEquals("threw statSync:fail permission denied, statSync data/hello.txt",
                fs(app, "return fs.statSync('data/hello.txt');").asText());
        assertEquals("threw readFileSync:fail no such file or directory, readFileSync /etc/passwd",
                fs(app, "return fs.readFileSync('/etc/passwd', 'utf8');").asText());
        assertEquals("secret", Files.readString(secret));
        assertFalse(Files.exists(dir.resolve("data/new.txt")));
    }

    @Test
    void parameters_are_checked_with_the_platform_wording() throws Exception {
        MiniProgram app = launchWithData();
        assertEquals("threw readFileSync:fail expect filePath to be string, but got undefined", fs(app, "fs.readFileSync();").asText());
        assertEquals("threw writeFileSync:fail expect data to be string or ArrayBuffer, but got number",
                fs(app, "fs.writeFileSync('ttfile://user/a', 5);").asText());
        assertEquals("threw readFileSync:fail expect encoding to be one of utf8, utf-8, ascii, latin1, binary, ucs2, ucs-2,"
                + " utf16le, utf-16le, base64, hex, but got klingon", fs(app, "fs.readFileSync('data/hello.txt', 'klingon');").asText());
        assertEquals("threw readFileSync:fail position is invalid", fs(app, "fs.readFileSync('data/hello.txt', 'utf8', 99);").asText());
    }

    @Test
    void the_user_folder_holds_ten_megabytes() throws Exception {
        MiniProgram app = launchWithData();
        assertEquals("threw writeFileSync:fail user dir saved file size limit exceeded", fs(app,
                "fs.writeFileSync('ttfile://user/a', 'x'.repeat(6 * 1024 * 1024)); fs.writeFileSync('ttfile://user/b', 'x'.repeat(5 * 1024 * 1024));").asText());
        // Replacing a file counts its new size only.
        assertEquals(json("null"), fs(app, "fs.writeFileSync('ttfile://user/a', 'x'.repeat(9 * 1024 * 1024)); return null;"));
    }

    @Test
    void the_instance_folders_are_deleted_when_it_closes() throws Exception {
        MiniProgram app = launchWithData();
        fs(app, "fs.writeFileSync('ttfile://user/a.txt', 'x');");
        assertEquals(1, answer(app, "getSavedFileList", "{}").get("fileList").size());
        String folder = tempFoldersOf(app);
        assertTrue(Files.isDirectory(Path.of(folder)), folder);
        app.close();
        assertFalse(Files.exists(Path.of(folder)), folder);
    }

    /** The instance's folder on this machine, found through its name. */
    private static String tempFoldersOf(MiniProgram app) throws Exception {
        try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("tt-files-" + app.id().replaceAll("[^A-Za-z0-9_-]", "_") + "-"))
                    .findFirst().orElseThrow().toString();
        }
    }
}
