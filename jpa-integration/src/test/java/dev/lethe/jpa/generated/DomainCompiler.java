package dev.lethe.jpa.generated;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's compiler against the test class path, and loads them
 * in a class loader of their own whose parent is the test's, so that Lethe and Hibernate see one
 * copy of every annotation and API class.
 */
final class DomainCompiler {

  private DomainCompiler() {}

  /** Compiles {@code sources} (path to content) into {@code directory} and returns a loader for them. */
  static ClassLoader compile(Map<String, String> sources, Path directory) {
    try {
      Path sourceRoot = Files.createDirectories(directory.resolve("src"));
      Path classes = Files.createDirectories(directory.resolve("classes"));
      List<Path> files = new ArrayList<>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = sourceRoot.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        files.add(file);
      }
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      StringWriter output = new StringWriter();
      try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, null)) {
        Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
        List<String> options =
            List.of(
                "--release",
                "17",
                "-proc:none",
                "-nowarn",
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"));
        if (!compiler.getTask(output, manager, null, options, null, units).call()) {
          throw new IllegalStateException(
              "The generated domain does not compile:\n" + output + "\n" + sources);
        }
      }
      return new URLClassLoader(
          new URL[] {classes.toUri().toURL()}, DomainCompiler.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
