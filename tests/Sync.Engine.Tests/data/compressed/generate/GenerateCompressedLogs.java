import com.ning.compress.lzf.LZFOutputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;
import org.xerial.snappy.SnappyFramedOutputStream;
import org.xerial.snappy.SnappyOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes compressed copies of a Spark event log with the same Java writer libraries
 * Spark uses for its event-log codecs (lz4-java, snappy-java, compress-lzf).
 *
 * Usage: java GenerateCompressedLogs <source-log> <output-dir>
 */
public final class GenerateCompressedLogs {
    private interface Wrapper {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        byte[] log = Files.readAllBytes(source);
        String name = source.getFileName().toString();

        // Spark's LZ4CompressionCodec: LZ4BlockOutputStream with 32 KiB blocks (spark.io.compression.lz4.blockSize).
        write(outDir.resolve(name + ".lz4"), log, out -> new LZ4BlockOutputStream(out, 32 * 1024));
        // Many small blocks.
        write(outDir.resolve(name + ".lz4-small-blocks"), log, out -> new LZ4BlockOutputStream(out, 1024));
        // Two complete LZ4Block streams back to back (each ends with its own empty end block).
        int half = log.length / 2;
        byte[] first = compress(Arrays.copyOfRange(log, 0, half), out -> new LZ4BlockOutputStream(out, 32 * 1024));
        byte[] second = compress(Arrays.copyOfRange(log, half, log.length), out -> new LZ4BlockOutputStream(out, 32 * 1024));
        Files.write(outDir.resolve(name + ".lz4-concat"), concat(first, second));

        // Spark's SnappyCompressionCodec: snappy-java SnappyOutputStream with 32 KiB blocks.
        write(outDir.resolve(name + ".snappy"), log, out -> new SnappyOutputStream(out, 32 * 1024));
        // Two snappy-java streams back to back (the header appears again).
        byte[] s1 = compress(Arrays.copyOfRange(log, 0, half), out -> new SnappyOutputStream(out, 32 * 1024));
        byte[] s2 = compress(Arrays.copyOfRange(log, half, log.length), out -> new SnappyOutputStream(out, 32 * 1024));
        Files.write(outDir.resolve(name + ".snappy-concat"), concat(s1, s2));
        // The Snappy framing format.
        write(outDir.resolve(name + ".snappy-framed"), log, SnappyFramedOutputStream::new);

        // Spark's LZFCompressionCodec: compress-lzf LZFOutputStream.
        write(outDir.resolve(name + ".lzf"), log, LZFOutputStream::new);

        // Incompressible data: exercises the stored/raw block paths (lz4 method 0x10, lzf type 0).
        byte[] random = new byte[20000];
        new Random(42).nextBytes(random);
        Files.write(outDir.resolve("random.bin"), random);
        write(outDir.resolve("random.bin.lz4"), random, out -> new LZ4BlockOutputStream(out, 4096));
        write(outDir.resolve("random.bin.lzf"), random, LZFOutputStream::new);
        write(outDir.resolve("random.bin.snappy"), random, out -> new SnappyOutputStream(out, 4096));
        write(outDir.resolve("random.bin.snappy-framed"), random, SnappyFramedOutputStream::new);
    }

    private static byte[] compress(byte[] data, Wrapper wrapper) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = wrapper.wrap(buffer)) {
            out.write(data);
        }
        return buffer.toByteArray();
    }

    private static void write(Path target, byte[] data, Wrapper wrapper) throws IOException {
        Files.write(target, compress(data, wrapper));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
