package dev.stackinit.bench;

/** The program of the tiny JAR that {@link CdsArchiveIT} makes archives for. */
public final class HelloMain {
    private HelloMain() {}

    public static void main(String[] args) {
        System.out.println(
                "hello " + String.join(" ", args) + " " + System.getenv().getOrDefault("GREETING", "-"));
    }
}
