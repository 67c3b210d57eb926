package dev.specgate.packet;

/** One line of prose with its real 1-based line number in the file. */
public record TextLine(int line, String text) {}
