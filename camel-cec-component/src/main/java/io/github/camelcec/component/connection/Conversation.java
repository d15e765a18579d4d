package io.github.camelcec.component.connection;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;

import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecBusinessException;
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
 * a delivered DISCONNECT downlink ends it. A message CEC refuses because the session is gone server-side
 * ({@link SessionGoneAnswer}) CONNECTs once more and is resent once.
 */
public final class Conversation {

    /** Who opened a session, for operators of several replicas. */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final CecConnection connection;
    private final SessionStore sessions;
    private final CecSettings settings;
    private final ConcurrentMap<String, CompletableFuture<CecResult>> connecting;
    private final ConcurrentMap<String, Long> reconnectedAt;

    Conversation(CecConnection connection, SessionStore sessions,
                 ConcurrentMap<String, CompletableFuture<CecResult>> connecting,
                 ConcurrentMap<String, Long> reconnectedAt, CecSettings settings) {
        this.connection = connection;
        this.sessions = sessions;
        this.connecting = connecting;
        this.reconnectedAt = reconnectedAt;
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
                        ? deliver(customer, request, null, autoConnect)
                        : uploadThenSend(customer, request, upload, attachment, autoConnect);
            });
        });
    }

    /** The customer's DISCONNECT downlink was delivered: the session is over. */
    public void ended(String userId) {
        sessions.remove(userId);
        reconnectedAt.remove(userId);
        connection.customerTokens().forget(userId);
    }

    /** A message arrived for the customer: the session is alive. */
    public void touched(String userId) {
        sessions.touch(userId);
    }

    /** {@link #touched} for several customers, in one store call. */
    public void touchedAll(Collection<String> userIds) {
        sessions.touchAll(userIds);
    }

    /** Registers a session started elsewhere (e.g. by another application), so that it is polled. */
    public void register(Customer customer) {
        sessions.register(Session.opened(customer.userId(), customer.userName(), settings.locale(),
                settings.clock().millis(), NODE));
    }

    private CompletableFuture<SendOutcome> uploadThenSend(Customer customer, SendMessageRequest request,
                                                          UploadFileRequest upload, Attachment attachment,
                                                          boolean reconnect) {
        return connection.send(CecApi.UPLOAD_FILE, customer, upload).thenCompose(uploaded -> {
            if (!uploaded.isSuccess()) {
                return CompletableFuture.completedFuture(new SendOutcome(SendOutcome.Step.UPLOAD, uploaded, null));
            }
            request.setContent(mediaContent(request.getMediaType(), uploaded.getObjectKey(), upload.getFileType(),
                    attachment));
            RequestValidator.send(request);
            return deliver(customer, request, uploaded.getObjectKey(), reconnect);
        });
    }

    /** Sends the message; with {@code reconnect} (autoConnect) a session-gone answer CONNECTs and resends once. */
    private CompletableFuture<SendOutcome> deliver(Customer customer, SendMessageRequest request, String objectKey,
                                                   boolean reconnect) {
        long issued = System.nanoTime();
        CompletableFuture<CecResult> sent = connection.send(CecApi.SEND, customer, request);
        return sent.handle((result, error) -> reconnect
                        && SessionGoneAnswer.isSessionGone(request.getControlType(), answerOf(result, error)))
                .thenCompose(gone -> gone
                        ? reconnectThenResend(customer, request, objectKey, issued)
                        : sent.thenApply(result -> outcome(customer, request, result, objectKey)));
    }

    /**
     * The session is gone server-side: CONNECT once (shared with the customer's other sends that met the same answer)
     * and resend once; a second refusal is the outcome, and a refused CONNECT (e.g. 12) is the outcome as usual.
     */
    private CompletableFuture<SendOutcome> reconnectThenResend(Customer customer, SendMessageRequest request,
                                                               String objectKey, long issued) {
        return reconnect(customer, issued).thenCompose(connect -> {
            if (connect != null && !connect.isSuccess()) {
                return CompletableFuture.completedFuture(new SendOutcome(SendOutcome.Step.CONNECT, connect, null));
            }
            return connection.send(CecApi.SEND, customer, request)
                    .thenApply(result -> outcome(customer, request, result, objectKey));
        });
    }

    private SendOutcome outcome(Customer customer, SendMessageRequest request, CecResult result, String objectKey) {
        if (result.isSuccess()) {
            afterSend(customer, request.getControlType());
        }
        return new SendOutcome(SendOutcome.Step.SEND, result, objectKey);
    }

    /** CEC's answer, also when the settings turned a non-zero code into an exception; null for other failures. */
    private static CecResult answerOf(CecResult result, Throwable error) {
        if (error == null) {
            return result;
        }
        return CecConnection.unwrap(error) instanceof CecBusinessException refused ? refused.getResponse() : null;
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
        return connectOnce(customer, () -> sessions.isConnected(customer.userId()), false);
    }

    /**
     * The CONNECT after a session-gone answer to a message sent at {@code issued} (nanoTime): none if the session was
     * opened again since that message left, so N sends that met the same answer cause one CONNECT.
     */
    private CompletableFuture<CecResult> reconnect(Customer customer, long issued) {
        return connectOnce(customer, () -> {
            Long reopened = reconnectedAt.get(customer.userId());
            return reopened != null && reopened - issued > 0;
        }, true);
    }

    /** Single flight: a CONNECT under way for the customer is shared; whoever starts one checks the need first. */
    private CompletableFuture<CecResult> connectOnce(Customer customer, BooleanSupplier alreadyConnected,
                                                     boolean sessionGone) {
        CompletableFuture<CecResult> mine = new CompletableFuture<>();
        CompletableFuture<CecResult> running = connecting.putIfAbsent(customer.userId(), mine);
        if (running != null) {
            return running;
        }
        if (alreadyConnected.getAsBoolean()) {
            connecting.remove(customer.userId(), mine);
            mine.complete(null);
            return mine;
        }
        if (sessionGone) {
            // the next message of the customer CONNECTs first, whatever becomes of this CONNECT
            sessions.markDisconnected(customer.userId());
        }
        SendMessageRequest connect = SendMessageRequest.control(ControlType.CONNECT);
        RequestDefaults.fill(connect, customer, settings);
        connection.send(CecApi.SEND, customer, connect).whenComplete((result, error) -> {
            Throwable failure = error;
            if (error == null && result.isSuccess()) {
                try {
                    register(customer);
                    if (sessionGone) {
                        // written before the CONNECT is released, so a late session-gone answer sees it
                        reconnectedAt.put(customer.userId(), System.nanoTime());
                    }
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
