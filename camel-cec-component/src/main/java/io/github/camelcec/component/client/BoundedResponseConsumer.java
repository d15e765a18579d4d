package io.github.camelcec.component.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.AbstractAsyncResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * HttpClient's {@code SimpleResponseConsumer} with a bound: an answer whose {@code Content-Length} exceeds it is
 * refused before its body is read, and a body that grows past it is abandoned, so a huge answer cannot exhaust the
 * heap.
 */
final class BoundedResponseConsumer implements AsyncResponseConsumer<SimpleHttpResponse> {

    private final long bound;
    private final AbstractAsyncResponseConsumer<SimpleHttpResponse, byte[]> buffered;

    BoundedResponseConsumer(long bound) {
        this.bound = bound;
        this.buffered = new AbstractAsyncResponseConsumer<>(new BoundedBody(bound)) {
            @Override
            protected SimpleHttpResponse buildResult(HttpResponse response, byte[] entity, ContentType contentType) {
                SimpleHttpResponse result = SimpleHttpResponse.copy(response);
                if (entity != null) {
                    result.setBody(entity, contentType);
                }
                return result;
            }

            @Override
            public void informationResponse(HttpResponse response, HttpContext context) {
            }
        };
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                                FutureCallback<SimpleHttpResponse> resultCallback) throws HttpException, IOException {
        if (entityDetails != null && entityDetails.getContentLength() > bound) {
            throw new ResponseTooLargeException(entityDetails.getContentLength(), bound);
        }
        buffered.consumeResponse(response, entityDetails, context, resultCallback);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        buffered.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        buffered.consume(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
        buffered.streamEnd(trailers);
    }

    @Override
    public void failed(Exception cause) {
        buffered.failed(cause);
    }

    @Override
    public void releaseResources() {
        buffered.releaseResources();
    }

    /** The body's bytes, up to the bound. */
    private static final class BoundedBody extends AbstractBinAsyncEntityConsumer<byte[]> {

        private final long bound;
        private final ByteArrayBuffer buffer = new ByteArrayBuffer(1024);

        BoundedBody(long bound) {
            this.bound = bound;
        }

        @Override
        protected void streamStart(ContentType contentType) {
        }

        @Override
        protected int capacityIncrement() {
            return Integer.MAX_VALUE;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            if (src == null) {
                return;
            }
            if ((long) buffer.length() + src.remaining() > bound) {
                throw new ResponseTooLargeException(-1, bound);
            }
            while (src.hasRemaining()) {
                int n = src.remaining();
                if (src.hasArray()) {
                    buffer.append(src.array(), src.arrayOffset() + src.position(), n);
                    src.position(src.position() + n);
                } else {
                    byte[] chunk = new byte[n];
                    src.get(chunk);
                    buffer.append(chunk, 0, n);
                }
            }
        }

        @Override
        protected byte[] generateContent() {
            return buffer.toByteArray();
        }

        @Override
        public void releaseResources() {
            buffer.clear();
        }
    }
}
