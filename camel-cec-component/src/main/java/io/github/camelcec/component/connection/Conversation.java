package io.github.camelcec.component.connection;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;

import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecSettings;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.client.RequestDefaults;
import io.github.camelcec.component.client.RequestValidator;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.FileType;
import io.github.camelcec.component.model.MediaType;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;
import io.github.camelcec.component.state.Session;
import io.github.camelcec.component.state.SessionStore;

/**
 * A customer's side of the conversation (camel-telegram's {@code TelegramService} shape): CONNECT before the first
 * message (product.md §2; concurrent first messages share one CONNECT), a file uploaded and then sent as a media message
 * in the reference's content format, and the session rules — a successful CONNECT opens a session, a DISCONNECT the
 * customer sent closes it for sending (the next message CONNECTs again) while CEC's closing messages are still polled,
 * a delivered DISCONNECT downlink ends it.
 */
public final class Conversation {

    /** Who opened a session, for operators of several replicas. */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final CecConnection connection;
    private final SessionStore sessions;
    private final CecSettings settings;
    private final ConcurrentMap<String, CompletableFuture<CecResult>> connecting;

    Conversation(CecConnection connection, SessionStore sessions,
                 ConcurrentMap<String, CompletableFuture<CecResult>> connecting, CecSettings settings) {
        this.connection = connection;
        this.sessions = sessions;
        this.connecting = connecting;
        this.settings = settings;
    }

    /**
     * Sends the customer's message, or their file ({@code attachment} not null) as a media message. Every rule is
     * checked before the first request, the automatic CONNECT included.
     */
    public CompletableFuture<SendOutcome> send(Customer customer, SendMessageRequest request, Attachment attachment,
                                               boolean autoConnect) {
        return CecConnection.guard("send", () -> {
            UploadFileRequest upload = attachment == null ? null : uploadOf(request, attachment);
            RequestDefaults.fill(request, customer, settings);
            if (upload == null) {
                RequestValidator.send(request);
            } else {
                // the media message is checked whole now; its content names the object the upload will return
                RequestValidator.sendEnvelope(request);
            }
            boolean connectFirst = autoConnect && needsSession(request.getControlType())
                                   && !sessions.isConnected(customer.userId());
            CompletableFuture<CecResult> connected = connectFirst
                    ? ensureConnected(customer) : CompletableFuture.completedFuture(null);
            return connected.thenCompose(connect -> {
                if (connect != null && !connect.isSuccess()) {
                    return CompletableFuture.completedFuture(new SendOutcome(SendOutcome.Step.CONNECT, connect, null));
                }
                return upload == null
                        ? deliver(customer, request, null)
                        : uploadThenSend(customer, request, upload, attachment);
            });
        });
    }

    /** The customer's DISCONNECT downlink was delivered: the session is over. */
    public void ended(String userId) {
        sessions.remove(userId);
        connection.customerTokens().forget(userId);
    }

    /** A message arrived for the customer: the session is alive. */
    public void touched(String userId) {
        sessions.touch(userId);
    }

    /** Registers a session started elsewhere (e.g. by another application), so that it is polled. */
    public void register(Customer customer) {
        sessions.register(Session.opened(customer.userId(), customer.userName(), settings.locale(),
                settings.clock().millis(), NODE));
    }

    private CompletableFuture<SendOutcome> uploadThenSend(Customer customer, SendMessageRequest request,
                                                          UploadFileRequest upload, Attachment attachment) {
        return connection.send(CecApi.UPLOAD_FILE, customer, upload).thenCompose(uploaded -> {
            if (!uploaded.isSuccess()) {
                return CompletableFuture.completedFuture(new SendOutcome(SendOutcome.Step.UPLOAD, uploaded, null));
            }
            request.setContent(mediaContent(request.getMediaType(), uploaded.getObjectKey(), upload.getFileType(),
                    attachment));
            RequestValidator.send(request);
            return deliver(customer, request, uploaded.getObjectKey());
        });
    }

    private CompletableFuture<SendOutcome> deliver(Customer customer, SendMessageRequest request, String objectKey) {
        return connection.send(CecApi.SEND, customer, request).thenApply(result -> {
            if (result.isSuccess()) {
                afterSend(customer, request.getControlType());
            }
            return new SendOutcome(SendOutcome.Step.SEND, result, objectKey);
        });
    }

    private void afterSend(Customer customer, ControlType controlType) {
        if (controlType == ControlType.CONNECT) {
            register(customer);
        } else if (controlType == ControlType.DISCONNECT) {
            sessions.markDisconnected(customer.userId());
        } else {
            // the customer is talking: the consumer polls them at the base cadence again
            sessions.touch(customer.userId());
        }
    }

    /** One CONNECT for concurrent first messages of a customer; a successful one opens the session. */
    private CompletableFuture<CecResult> ensureConnected(Customer customer) {
        CompletableFuture<CecResult> mine = new CompletableFuture<>();
        CompletableFuture<CecResult> running = connecting.putIfAbsent(customer.userId(), mine);
        if (running != null) {
            return running;
        }
        if (sessions.isConnected(customer.userId())) {
            connecting.remove(customer.userId(), mine);
            mine.complete(null);
            return mine;
        }
        SendMessageRequest connect = SendMessageRequest.control(ControlType.CONNECT);
        RequestDefaults.fill(connect, customer, settings);
        connection.send(CecApi.SEND, customer, connect).whenComplete((result, error) -> {
            Throwable failure = error;
            if (error == null && result.isSuccess()) {
                try {
                    register(customer);
                } catch (RuntimeException e) {
                    // a session the store cannot record would never be polled: the message fails and is retried
                    failure = e;
                }
            }
            connecting.remove(customer.userId(), mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(result);
            }
        });
        return mine;
    }

    private UploadFileRequest uploadOf(SendMessageRequest request, Attachment attachment) {
        if (request.getMediaType() == null || !request.getMediaType().isMedia()) {
            throw new CecValidationException("send", "mediaType", "must be a media type for a file body (IMAGE, "
                                                                  + "AUDIO, VIDEO, FILE, FILE_IMAGE, FILE_VIDEO)",
                    request.getMediaType());
        }
        UploadFileRequest upload = UploadFileRequest.of(attachment.content(), attachment.fileType());
        RequestDefaults.fill(upload, null, settings);
        CecApi.UPLOAD_FILE.validate(upload);
        return upload;
    }

    /** ref §7.1.2 and cec-api §5: FILE carries name, size, id and type; every other media type {@code objectKey,ext}. */
    private static String mediaContent(MediaType mediaType, String objectKey, String fileType, Attachment file) {
        String ext = FileType.normalize(fileType);
        if (mediaType == MediaType.FILE) {
            String name = file.fileName() != null ? file.fileName() : objectKey + "." + ext;
            return name.replace(",", "_") + "," + file.content().length + "," + objectKey + "," + ext;
        }
        return objectKey + "," + ext;
    }

    private static boolean needsSession(ControlType controlType) {
        return controlType == ControlType.CHAT || controlType == ControlType.TRANS2AGENT
               || controlType == ControlType.INPUT;
    }
}
