package dev.ttrtc.runtime.internal.apis.files;

import dev.ttrtc.runtime.api.ApiException;

/**
 * The file system's fail answers, with the errNo and wording the platform documents for
 * FileSystemManager ({@code "permission denied, $apiName $dirPath"} and so on). Parameter errors
 * are the usual 20000 answers.
 */
public enum FileError {
    /** The path leaves the instance's folders, or the API may not write or delete there. */
    PERMISSION_DENIED(21101, "permission denied, %s %s"),
    /** Nothing at the path. */
    NO_SUCH_FILE(21102, "no such file or directory, %s %s"),
    /** The user folder would hold more than its 10 MB. */
    USER_DIR_FULL(21103, "user dir saved file size limit exceeded"),
    /** The operation failed for a reason of the machine (a disk error). */
    OPERATION_FAILED(21104, "operation failed"),
    /** The path exists but is of the wrong kind, or already exists, or a folder is not empty. */
    NOT_PERMITTED(21105, "operation not permitted, %s %s");

    private final int errNo;
    private final String template;

    FileError(int errNo, String template) {
        this.errNo = errNo;
        this.template = template;
    }

    public int errNo() {
        return errNo;
    }

    /** The error for {@code api} acting on {@code path} (the path as JS gave it). */
    public ApiException at(String api, String path) {
        return new ApiException(errNo, String.format(template, api, path));
    }

    /** The error of a kind whose message names no path ({@link #USER_DIR_FULL}, {@link #OPERATION_FAILED}). */
    public ApiException error() {
        return new ApiException(errNo, template);
    }
}
