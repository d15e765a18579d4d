package io.github.camelcec.component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.client.CecClient;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.client.RequestValidator;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ClickToCallRequest;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.CreateCallRequest;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.DropClickToCallRequest;
import io.github.camelcec.component.model.FileType;
import io.github.camelcec.component.model.LeaveMessageRequest;
import io.github.camelcec.component.model.MediaType;
import io.github.camelcec.component.model.PhraseQueryRequest;
import io.github.camelcec.component.model.QueueInfoRequest;
import io.github.camelcec.component.model.RobotFeedbackRequest;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;
import io.github.camelcec.component.producer.BinaryBody;
import io.github.camelcec.component.producer.ExchangeRequests;
import io.github.camelcec.component.session.SessionConnector;
import io.github.camelcec.component.session.SessionRegistry;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import io.github.camelcec.component.health.CecProducerHealthCheck;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls one CEC operation per exchange, without blocking a thread while CEC answers. The operation is the endpoint's,
 * or the {@code CamelCecOperation} header's (header first, as camel-aws2-sqs does).
 */
public class CecProducer extends DefaultAsyncProducer {

    private final CecEndpoint endpoint;
    private final CecConfiguration config;
    private final ExchangeRequests requests;
    private WritableHealthCheckRepository healthCheckRepository;
    private CecProducerHealthCheck producerHealthCheck;

    public CecProducer(CecEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.requests = new ExchangeRequests(config);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            producerHealthCheck = new CecProducerHealthCheck(endpoint, endpoint.getId());
            producerHealthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(producerHealthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && producerHealthCheck != null) {
            healthCheckRepository.removeHealthCheck(producerHealthCheck);
            producerHealthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> done;
        try {
            CecOperation operation = determineOperation(exchange);
            done = dispatch(operation, exchange);
            if (operation.needsCustomer()
                && exchange.getMessage().getHeader(CecConstants.REGISTER_SESSION, false, Boolean.class)) {
                // a session started elsewhere: poll it from now on
                Customer customer = requests.customer(exchange, operation.name(), null);
                done = done.thenRun(() -> {
                    if ("0".equals(exchange.getMessage().getHeader(CecConstants.RESULT_CODE))) {
                        endpoint.getComponent().sessionConnector().registry().register(customer);
                    }
                });
            }
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (config.isSynchronous()) {
            try {
                done.join();
            } catch (CompletionException e) {
                exchange.setException(e.getCause() != null ? e.getCause() : e);
            }
            callback.done(true);
            return true;
        }
        // the route continues on a Camel thread, never on HttpClient's few I/O threads: a blocking step after a cec:
        // producer must not stall every CEC request of the component
        done.whenCompleteAsync((result, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            callback.done(false);
        }, endpoint.getComponent().callbackExecutor());
        return false;
    }

    private CecOperation determineOperation(Exchange exchange) {
        CecOperation operation = exchange.getMessage().getHeader(CecConstants.OPERATION, CecOperation.class);
        return operation != null ? operation : endpoint.getOperation();
    }

    private CompletableFuture<?> dispatch(CecOperation operation, Exchange exchange) {
        CecClient client = endpoint.getClient();
        String op = operation.name();
        return switch (operation) {
            case send -> send(client, exchange);
            case poll -> answered(exchange, op, client.pollAsync(requests.customer(exchange, op, null)));
            case upload -> upload(client, exchange, op);
            case download -> download(client, exchange, op);
            case satisfaction -> {
                SatisfactionRequest r = requests.typed(exchange, op, SatisfactionRequest.class);
                yield answered(exchange, op,
                        client.satisfactionAsync(requests.customer(exchange, op, r.getUserId()), r));
            }
            case robotFeedback -> {
                RobotFeedbackRequest r = requests.typed(exchange, op, RobotFeedbackRequest.class);
                yield answered(exchange, op,
                        client.robotFeedbackAsync(requests.customer(exchange, op, r.getFrom()), r));
            }
            case queueInfo -> {
                QueueInfoRequest r = requests.typed(exchange, op, QueueInfoRequest.class);
                yield answered(exchange, op, client.queueInfoAsync(requests.customer(exchange, op, r.getUserId()), r));
            }
            case phrases -> {
                PhraseQueryRequest r;
                if (exchange.getMessage().getBody() instanceof String keyword) {
                    r = new PhraseQueryRequest();
                    r.setStrContent(keyword);
                } else {
                    r = requests.typed(exchange, op, PhraseQueryRequest.class);
                }
                yield answered(exchange, op, client.phrasesAsync(requests.customer(exchange, op, null), r));
            }
            case leaveMessage -> {
                LeaveMessageRequest r = requests.typed(exchange, op, LeaveMessageRequest.class);
                yield answered(exchange, op, client.leaveMessageAsync(requests.customer(exchange, op, null), r));
            }
            case createCall -> answered(exchange, op,
                    client.createCallAsync(requests.typed(exchange, op, CreateCallRequest.class)));
            case clickToCall -> {
                ClickToCallRequest r = requests.typed(exchange, op, ClickToCallRequest.class);
                yield answered(exchange, op, client.clickToCallAsync(requests.customer(exchange, op, null), r));
            }
            case clickToCallEvents -> answered(exchange, op,
                    client.clickToCallEventsAsync(requests.customer(exchange, op, null)));
            case clickToCallSupport -> answered(exchange, op,
                    client.clickToCallSupportAsync(requests.customer(exchange, op, null)));
            case dropClickToCall -> {
                DropClickToCallRequest r = requests.typed(exchange, op, DropClickToCallRequest.class);
                yield answered(exchange, op, client.dropClickToCallAsync(requests.customer(exchange, op, null), r));
            }
            case applyToken -> answered(exchange, op, client.applyTokenAsync(requests.customer(exchange, op, null)));
        };
    }

    /** The typed response is the body, its code and description go to headers. */
    private CompletableFuture<Void> answered(Exchange exchange, String operation,
                                             CompletableFuture<? extends CecResult> response) {
        return response.thenAccept(result -> reply(exchange, operation, result, result));
    }

    // ---- send ---------------------------------------------------------------------------------------------------

    private CompletableFuture<?> send(CecClient client, Exchange exchange) {
        String op = "send";
        Message in = exchange.getMessage();
        Object body = in.getBody();
        SendMessageRequest request;
        BinaryBody binary = null;
        String fileType = null;
        if (body instanceof SendMessageRequest || body instanceof java.util.Map<?, ?>) {
            request = requests.typed(exchange, op, SendMessageRequest.class);
        } else if (BinaryBody.isBinary(body)) {
            BinaryBody b = BinaryBody.of(exchange);
            fileType = requests.fileType(exchange, b.extension());
            if (fileType == null && BinaryBody.isFile(body)) {
                throw new CecValidationException(op, "fileType", "is required for a file body: set the "
                                                                 + CecConstants.FILE_TYPE + " header or the fileType option",
                        b.fileName());
            }
            if (fileType == null) {
                // bytes without a file type are text, as Camel would read them
                request = textOrControl(exchange, op, new String(b.content(), StandardCharsets.UTF_8));
            } else {
                binary = b;
                request = new SendMessageRequest();
                request.setControlType(ControlType.CHAT);
                MediaType mediaType = requests.mediaType(exchange, op, null);
                request.setMediaType(mediaType != null ? mediaType : BinaryBody.mediaTypeFor(fileType));
            }
        } else {
            request = textOrControl(exchange, op, in.getBody(String.class));
        }
        if (request.getControlType() == null) {
            request.setControlType(requests.controlType(exchange, op));
        }
        if (request.getMediaType() == null) {
            request.setMediaType(requests.mediaType(exchange, op, config.getMediaType()));
        }
        Customer customer = requests.customer(exchange, op, request.getFrom());

        // every rule is checked before the first request (the automatic CONNECT included)
        UploadFileRequest upload = null;
        if (binary != null) {
            if (!request.getMediaType().isMedia()) {
                throw new CecValidationException(op, "mediaType", "must be a media type for a file body (IMAGE, "
                                                                  + "AUDIO, VIDEO, FILE, FILE_IMAGE, FILE_VIDEO)",
                        request.getMediaType());
            }
            upload = UploadFileRequest.of(binary.content(), fileType);
            upload.setChannel(config.getChannel());
            RequestValidator.upload(upload);
            // the media message is checked whole now, with the objectKey still to come from the upload
            request.setContent(mediaContent(request.getMediaType(), "pending-upload", fileType, binary));
        }
        client.prepareSend(customer, request);

        SessionConnector sessions = endpoint.getComponent().sessionConnector();
        boolean connectFirst = config.isAutoConnect() && needsSession(request.getControlType())
                               && !sessions.registry().isActive(customer.userId());
        if (!connectFirst && binary == null) {
            // the usual case: a known customer's text
            return client.sendPreparedAsync(customer, request)
                    .thenAccept(res -> afterSend(exchange, customer, request, res));
        }
        CompletableFuture<CecResult> connected = connectFirst
                ? sessions.ensureConnected(customer,
                        c -> client.sendAsync(c, SendMessageRequest.control(ControlType.CONNECT)))
                : CompletableFuture.completedFuture(null);

        BinaryBody file = binary;
        UploadFileRequest uploadRequest = upload;
        String type = fileType;
        return connected.thenCompose(connect -> {
            if (connect != null && !connect.isSuccess()) {
                // the CONNECT failed (e.g. 12 outside working hours): its answer is the exchange's answer, and the
                // control type header says it was the CONNECT, not the message, that CEC refused
                exchange.getMessage().setHeader(CecConstants.CONTROL_TYPE, ControlType.CONNECT.name());
                reply(exchange, op, connect, connect);
                return CompletableFuture.completedFuture(null);
            }
            if (file == null) {
                return client.sendPreparedAsync(customer, request)
                        .thenAccept(res -> afterSend(exchange, customer, request, res));
            }
            return client.uploadAsync(customer, uploadRequest).thenCompose(uploaded -> {
                if (!uploaded.isSuccess()) {
                    reply(exchange, "upload", uploaded, uploaded);
                    return CompletableFuture.completedFuture(null);
                }
                exchange.getMessage().setHeader(CecConstants.OBJECT_KEY, uploaded.getObjectKey());
                request.setContent(mediaContent(request.getMediaType(), uploaded.getObjectKey(), type, file));
                return client.sendPreparedAsync(customer, request)
                        .thenAccept(res -> afterSend(exchange, customer, request, res));
            });
        });
    }

    private SendMessageRequest textOrControl(Exchange exchange, String op, String text) {
        ControlType controlType = requests.controlType(exchange, op);
        SendMessageRequest request = controlType == ControlType.CHAT
                ? SendMessageRequest.text(text)
                : SendMessageRequest.control(controlType);
        request.setMediaType(requests.mediaType(exchange, op, config.getMediaType()));
        return request;
    }

    private void afterSend(Exchange exchange, Customer customer, SendMessageRequest request, CecResult result) {
        if (result.isSuccess()) {
            SessionRegistry registry = endpoint.getComponent().sessionConnector().registry();
            if (request.getControlType() == ControlType.CONNECT) {
                registry.register(customer);
            } else if (request.getControlType() == ControlType.DISCONNECT
                       && !endpoint.getComponent().hasSessionConsumer()) {
                // with a cec:poll consumer the session ends once its DISCONNECT downlink was delivered
                registry.remove(customer.userId());
            }
            // the customer is talking: the consumer polls them at the base cadence again
            registry.touch(customer.userId());
        }
        reply(exchange, "send", result, result);
    }

    /** ref §7.1.2 and cec-api §5: FILE carries name, size, id and type; every other media type {@code objectKey,ext}. */
    private static String mediaContent(MediaType mediaType, String objectKey, String fileType, BinaryBody file) {
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

    // ---- files --------------------------------------------------------------------------------------------------

    private CompletableFuture<?> upload(CecClient client, Exchange exchange, String op) {
        Object body = exchange.getMessage().getBody();
        UploadFileRequest request;
        if (BinaryBody.isBinary(body)) {
            BinaryBody file = BinaryBody.of(exchange);
            request = UploadFileRequest.of(file.content(), requests.fileType(exchange, file.extension()));
        } else {
            request = requests.typed(exchange, op, UploadFileRequest.class);
            if (request.getFileType() == null) {
                request.setFileType(requests.fileType(exchange, null));
            }
        }
        Customer customer = requests.customer(exchange, op, null);
        return client.uploadAsync(customer, request).thenAccept(res -> {
            exchange.getMessage().setHeader(CecConstants.OBJECT_KEY, res.getObjectKey());
            reply(exchange, op, res, res.getObjectKey());
        });
    }

    private CompletableFuture<?> download(CecClient client, Exchange exchange, String op) {
        Message in = exchange.getMessage();
        DownloadFileRequest request;
        if (in.getBody() instanceof DownloadFileRequest || in.getBody() instanceof java.util.Map<?, ?>) {
            request = requests.typed(exchange, op, DownloadFileRequest.class);
        } else {
            request = new DownloadFileRequest();
            String fileId = in.getHeader(CecConstants.FILE_ID, String.class);
            request.setFileId(fileId != null ? fileId : in.getBody(String.class));
        }
        if (request.getFileType() == null) {
            request.setFileType(requests.fileType(exchange, null));
        }
        Customer customer = requests.customer(exchange, op, null);
        return client.downloadAsync(customer, request)
                .thenAccept(res -> reply(exchange, op, res, res.isSuccess() ? res.getBytes() : res));
    }

    // ---- answers ------------------------------------------------------------------------------------------------

    /** Result code and description go to headers; a failure is an exception unless the endpoint says otherwise. */
    private void reply(Exchange exchange, String operation, CecResult result, Object body) {
        Message out = exchange.getMessage();
        out.setHeader(CecConstants.RESULT_CODE, result.getResultCode());
        out.setHeader(CecConstants.RESULT_DESC, result.getResultDesc());
        if (!result.isSuccess() && config.isThrowExceptionOnFailure()) {
            throw new CecBusinessException(operation, result, 200);
        }
        out.setBody(body);
    }
}
