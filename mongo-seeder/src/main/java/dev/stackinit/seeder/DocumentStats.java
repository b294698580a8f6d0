package dev.stackinit.seeder;

/**
 * What a file source learnt about one collection's documents while validating them.
 *
 * @param largestAt where the largest document is (file and byte offset or line), for messages
 */
public record DocumentStats(long count, int largestBytes, String largestAt) {}
