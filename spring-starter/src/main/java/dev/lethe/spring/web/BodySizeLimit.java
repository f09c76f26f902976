package dev.lethe.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code lethe.web.max-body-size} with 413 before any of it is
 * used: at once when its {@code Content-Length} says so, and, for a body sent without one
 * (chunked), as soon as reading passes the limit. Registered for Lethe's base path only.
 */
final class BodySizeLimit extends OncePerRequestFilter {

  private final long maxBytes;

  BodySizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Thrown while reading a body without a declared length, once it passes the limit; answered with 413. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long maxBytes) {
      super(detail(maxBytes));
    }
  }

  static String detail(long maxBytes) {
    return "The request body is larger than "
        + maxBytes
        + " bytes, the limit lethe.web.max-body-size sets";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      // Fixed text only: nothing of the request is echoed.
      response
          .getOutputStream()
          .write(
              ("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                      + "\"detail\":\""
                      + detail(maxBytes)
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(
        request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
  }

  /** A request whose body stream fails once more than the limit was read. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long maxBytes;
    private @Nullable ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), maxBytes);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    Counting(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int next = in.read();
      if (next >= 0) {
        count(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLargeException(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
