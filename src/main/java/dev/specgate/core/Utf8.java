package dev.specgate.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding whose failure says where: the byte offset, the line and the bad byte,
 * instead of the JDK's "Input length = 1".
 */
public final class Utf8 {
  private Utf8() {}

  /** Thrown for bytes that are not UTF-8; the message names the offset, line and byte. */
  public static final class NotUtf8Exception extends Exception {
    private final long offset;

    NotUtf8Exception(long offset, int line, int badByte) {
      super("not UTF-8: byte 0x%02X at byte offset %d (line %d)".formatted(badByte, offset, line));
      this.offset = offset;
    }

    public long offset() {
      return offset;
    }
  }

  /** The text of {@code bytes}; a leading byte-order mark is kept (callers that care drop it). */
  public static String decode(byte[] bytes) throws NotUtf8Exception {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, bytes.length + 1L));
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
      throw new NotUtf8Exception(at, line, bytes[at] & 0xff);
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
