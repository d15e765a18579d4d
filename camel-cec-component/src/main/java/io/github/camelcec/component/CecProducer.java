package io.github.camelcec.component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.connection.Attachment;
import io.github.camelcec.component.connection.CecConnection;
import io.github.camelcec.component.connection.SendOutcome;
import io.github.camelcec.component.health.CecProducerHealthCheck;
import io.github.camelcec.component.model.Base64Size;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.DownloadFileResponse;
import io.github.camelcec.component.model.MediaType;
import io.github.camelcec.component.model.PhraseQueryRequest;
import io.github.camelcec.component.model.QueueInfoRequest;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;
import io.github.camelcec.component.model.UploadFileResponse;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls one CEC operation per exchange, without blocking a thread while CEC answers: maps the exchange to a request,
 * hands it to the endpoint's connection, and maps the answer back (typed response as the body, result code and
 * description as headers). The operation is the endpoint's, or the {@code CamelCecOperation} header's (header first,
 * as camel-aws2-sqs does).
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
            producerHealthCheck = new CecProducerHealthCheck(endpoint.getId(), config.getBaseUrl(),
                    endpoint::getConnection);
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
                    if (CecResult.SUCCESS.equals(exchange.getMessage().getHeader(CecConstants.RESULT_CODE))) {
                        endpoint.getConnection().conversation().register(customer);
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
                exchange.setException(CecConnection.unwrap(e));
            }
            callback.done(true);
            return true;
        }
        // the route continues on a Camel thread, never on HttpClient's few I/O threads: a blocking step after a cec:
        // producer must not stall every CEC request of the component
        done.whenCompleteAsync((result, error) -> {
            if (error != null) {
                exchange.setException(CecConnection.unwrap(error));
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
        CecConnection connection = endpoint.getConnection();
        String op = operation.name();
        return switch (operation) {
            case send -> send(connection, exchange);
            case upload -> upload(connection, exchange, op);
            case download -> download(connection, exchange, op);
            case applyToken -> answered(exchange, op,
                    connection.applyTokenAsync(requests.customer(exchange, op, null)));
            case satisfaction -> {
                // the body's userId is the customer the rating is for
                SatisfactionRequest r = requests.typed(exchange, op, SatisfactionRequest.class);
                yield call(connection, exchange, CecApi.SAVE_SATISFACTION, r.getUserId(), r);
            }
            case queueInfo -> {
                QueueInfoRequest r = requests.typed(exchange, op, QueueInfoRequest.class);
                yield call(connection, exchange, CecApi.QUERY_QUEUE_INFO, r.getUserId(), r);
            }
            case phrases -> {
                Object body = exchange.getMessage().getBody();
                PhraseQueryRequest r = body instanceof String keyword
                        ? PhraseQueryRequest.of(keyword) : requests.typed(exchange, op, PhraseQueryRequest.class);
                yield call(connection, exchange, CecApi.QUERY_PHRASES, null, r);
            }
            default -> generic(connection, exchange, operation.api());
        };
    }

    /** Every operation whose request is the body as it is (or a Map of it, or nothing). */
    private <Q, R extends CecResult> CompletableFuture<?> generic(CecConnection connection, Exchange exchange,
                                                                   CecApi<Q, R> api) {
        Q request = api.isQuery()
                ? api.emptyRequest() : requests.typed(exchange, api.name(), requestType(api));
        return call(connection, exchange, api, null, request);
    }

    @SuppressWarnings("unchecked")
    private static <Q> Class<Q> requestType(CecApi<Q, ?> api) {
        return (Class<Q>) api.emptyRequest().getClass();
    }

    private <Q, R extends CecResult> CompletableFuture<?> call(CecConnection connection, Exchange exchange,
                                                                CecApi<Q, R> api, String bodyUserId, Q request) {
        Customer customer = api.usesCustomerToken() ? requests.customer(exchange, api.name(), bodyUserId) : null;
        return answered(exchange, api.name(), connection.callAsync(api, customer, request));
    }

    /** The typed response is the body, its code and description go to headers. */
    private CompletableFuture<Void> answered(Exchange exchange, String operation,
                                             CompletableFuture<? extends CecResult> response) {
        return response.thenAccept(result -> reply(exchange, operation, result, result));
    }

    // ---- send ---------------------------------------------------------------------------------------------------

    private CompletableFuture<?> send(CecConnection connection, Exchange exchange) {
        String op = "send";
        Object body = exchange.getMessage().getBody();
        SendMessageRequest request;
        Attachment attachment = null;
        if (body instanceof SendMessageRequest || body instanceof Map<?, ?>) {
            request = requests.typed(exchange, op, SendMessageRequest.class);
        } else if (BinaryBody.isBinary(body)) {
            BinaryBody file = BinaryBody.of(exchange, op, "body", config.getMaxUploadSize());
            String fileType = requests.fileType(exchange, file.extension());
            if (fileType == null && BinaryBody.isFile(body)) {
                throw new CecValidationException(op, "fileType", "is required for a file body: set the "
                                                                 + CecConstants.FILE_TYPE + " header or the fileType option",
                        file.fileName());
            }
            if (fileType == null) {
                // bytes without a file type are text, as Camel would read them
                request = textOrControl(exchange, op, new String(file.content(), StandardCharsets.UTF_8));
            } else {
                attachment = new Attachment(file.content(), fileType, file.fileName());
                request = new SendMessageRequest();
                request.setControlType(ControlType.CHAT);
                MediaType mediaType = requests.mediaType(exchange, op, null);
                request.setMediaType(mediaType != null ? mediaType : BinaryBody.mediaTypeFor(fileType));
            }
        } else {
            request = textOrControl(exchange, op, exchange.getMessage().getBody(String.class));
        }
        if (request.getControlType() == null) {
            request.setControlType(requests.controlType(exchange, op));
        }
        if (request.getMediaType() == null) {
            request.setMediaType(requests.mediaType(exchange, op, config.getMediaType()));
        }
        // the customer is the header's or option's; a typed request's own "from" takes precedence as before
        Customer customer = requests.customer(exchange, op, request.getFrom());
        return connection.conversation().send(customer, request, attachment, config.isAutoConnect())
                .thenAccept(outcome -> sent(exchange, outcome));
    }

    private void sent(Exchange exchange, SendOutcome outcome) {
        Message out = exchange.getMessage();
        if (outcome.objectKey() != null) {
            out.setHeader(CecConstants.OBJECT_KEY, outcome.objectKey());
        }
        switch (outcome.step()) {
            case CONNECT -> {
                // CEC refused the automatic CONNECT (e.g. 12 outside working hours): the control type header says it
                // was the CONNECT, not the message, that was refused
                out.setHeader(CecConstants.CONTROL_TYPE, ControlType.CONNECT.name());
                reply(exchange, "send", outcome.result(), outcome.result());
            }
            case UPLOAD -> reply(exchange, "upload", outcome.result(), outcome.result());
            case SEND -> reply(exchange, "send", outcome.result(), outcome.result());
        }
    }

    private SendMessageRequest textOrControl(Exchange exchange, String op, String text) {
        ControlType controlType = requests.controlType(exchange, op);
        SendMessageRequest request = controlType == ControlType.CHAT
                ? SendMessageRequest.text(text)
                : SendMessageRequest.control(controlType);
        request.setMediaType(requests.mediaType(exchange, op, config.getMediaType()));
        return request;
    }

    // ---- files --------------------------------------------------------------------------------------------------

    private CompletableFuture<?> upload(CecConnection connection, Exchange exchange, String op) {
        Object body = exchange.getMessage().getBody();
        UploadFileRequest request;
        if (BinaryBody.isBinary(body)) {
            BinaryBody file = BinaryBody.of(exchange, op, "fileStream", config.getMaxUploadSize());
            request = UploadFileRequest.of(file.content(), requests.fileType(exchange, file.extension()));
        } else {
            request = requests.typed(exchange, op, UploadFileRequest.class);
            checkBase64Size(op, request.getFileStream());
            if (request.getFileType() == null) {
                request.setFileType(requests.fileType(exchange, null));
            }
        }
        Customer customer = requests.customer(exchange, op, null);
        return connection.callAsync(CecApi.UPLOAD_FILE, customer, request).thenAccept((UploadFileResponse res) -> {
            exchange.getMessage().setHeader(CecConstants.OBJECT_KEY, res.getObjectKey());
            reply(exchange, op, res, res.getObjectKey());
        });
    }

    /** A file given as base64 is measured by the bytes it decodes to, before it is sent. */
    private void checkBase64Size(String op, String base64) {
        if (base64 != null) {
            long size = Base64Size.decoded(base64);
            if (size > config.getMaxUploadSize()) {
                throw BinaryBody.tooLarge(op, "fileStream", config.getMaxUploadSize(), size + " bytes");
            }
        }
    }

    private CompletableFuture<?> download(CecConnection connection, Exchange exchange, String op) {
        Message in = exchange.getMessage();
        DownloadFileRequest request;
        if (in.getBody() instanceof DownloadFileRequest || in.getBody() instanceof Map<?, ?>) {
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
        return connection.callAsync(CecApi.DOWNLOAD_FILE, customer, request)
                .thenAccept((DownloadFileResponse res) -> reply(exchange, op, res, res.isSuccess() ? res.getBytes() : res));
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
