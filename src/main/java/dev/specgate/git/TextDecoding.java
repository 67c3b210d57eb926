package dev.specgate.git;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Tells text from binary blobs and decodes text as UTF-8 without ever failing. */
final class TextDecoding {
  /** Same window git itself inspects when it guesses whether a blob is binary. */
  static final int BINARY_PROBE_BYTES = 8000;

  private TextDecoding() {}

  /** True when a NUL byte occurs in the first {@value #BINARY_PROBE_BYTES} bytes. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, BINARY_PROBE_BYTES);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) return true;
    }
    return false;
  }

  /**
   * UTF-8, leniently: a malformed or unmappable sequence (a Latin-1 file, a truncated character)
   * becomes U+FFFD instead of an error, so one odd file never stops an analysis. A leading byte
   * order mark is dropped so line 1 starts with the file's first real character.
   */
  static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    String text;
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      text = chars.toString();
    } catch (CharacterCodingException e) {
      // Unreachable with REPLACE actions; kept lenient all the same.
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
