package dev.ttrtc.runtime.internal.apis.files;

import dev.ttrtc.runtime.api.ApiArgs;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The arguments of one file-system method, read by name whether JS passed a parameter object
 * ({@code fs.readFile({filePath})}) or positional arguments ({@code fs.readFileSync(filePath)}),
 * so that each method is written once for both forms. Loop thread only, during the call.
 */
interface FsArgs {

    String string(String name) throws ApiException;

    Optional<String> optionalString(String name) throws ApiException;

    OptionalDouble optionalNumber(String name) throws ApiException;

    boolean optionalBool(String name, boolean fallback) throws ApiException;

    /** A string (encoded with {@code encoding}) or an ArrayBuffer's bytes. */
    byte[] data(String name, TextEncoding encoding) throws ApiException;

    /** The async form's parameter object. */
    static FsArgs of(ApiParams params) {
        return new FsArgs() {
            @Override
            public String string(String name) throws ApiException {
                return params.string(name);
            }

            @Override
            public Optional<String> optionalString(String name) throws ApiException {
                return params.optionalString(name);
            }

            @Override
            public OptionalDouble optionalNumber(String name) throws ApiException {
                return params.optionalNumber(name);
            }

            @Override
            public boolean optionalBool(String name, boolean fallback) throws ApiException {
                return params.optionalBool(name, fallback);
            }

            @Override
            public byte[] data(String name, TextEncoding encoding) throws ApiException {
                String kind = params.kindOf(name);
                if (kind.equals("arraybuffer")) {
                    return params.arrayBuffer(name);
                }
                if (kind.equals("string")) {
                    return encoding.encode(params.string(name));
                }
                throw ApiException.parameter("expect " + params.path() + "." + name
                        + " to be string or ArrayBuffer, but got " + kind);
            }
        };
    }

    /** The sync form's arguments, named in order by {@code names}. */
    static FsArgs of(ApiArgs args, List<String> names) {
        return new FsArgs() {
            private int index(String name) {
                int i = names.indexOf(name);
                if (i < 0) {
                    throw new IllegalArgumentException("no positional argument " + name);
                }
                return i;
            }

            private boolean absent(int i) {
                return args.typeOf(i).equals("undefined");
            }

            private ApiException typeError(String name, String expected) {
                return ApiException.parameter("expect " + name + " to be " + expected + ", but got " + args.typeOf(index(name)));
            }

            @Override
            public String string(String name) throws ApiException {
                return args.string(index(name)).orElseThrow(() -> typeError(name, "string"));
            }

            @Override
            public Optional<String> optionalString(String name) throws ApiException {
                return absent(index(name)) ? Optional.empty() : Optional.of(string(name));
            }

            @Override
            public OptionalDouble optionalNumber(String name) throws ApiException {
                int i = index(name);
                if (absent(i)) {
                    return OptionalDouble.empty();
                }
                OptionalDouble n = args.number(i);
                if (n.isEmpty() || !Double.isFinite(n.getAsDouble())) {
                    throw typeError(name, "number");
                }
                return n;
            }

            @Override
            public boolean optionalBool(String name, boolean fallback) throws ApiException {
                int i = index(name);
                if (absent(i)) {
                    return fallback;
                }
                if (!args.typeOf(i).equals("boolean")) {
                    throw typeError(name, "boolean");
                }
                return args.json(i).asBoolean();
            }

            @Override
            public byte[] data(String name, TextEncoding encoding) throws ApiException {
                int i = index(name);
                Optional<byte[]> bytes = args.arrayBuffer(i);
                if (bytes.isPresent()) {
                    return bytes.get();
                }
                Optional<String> text = args.string(i);
                if (text.isPresent()) {
                    return encoding.encode(text.get());
                }
                throw typeError(name, "string or ArrayBuffer");
            }
        };
    }
}
