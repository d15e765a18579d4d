package io.github.camelcec.component.client;

import io.github.camelcec.component.model.ApplyTokenRequest;
import io.github.camelcec.component.model.ChannelQuery;
import io.github.camelcec.component.model.ClickToCallRequest;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.DropClickToCallRequest;
import io.github.camelcec.component.model.FileType;
import io.github.camelcec.component.model.LeaveMessageRequest;
import io.github.camelcec.component.model.PhraseQueryRequest;
import io.github.camelcec.component.model.PollRequest;
import io.github.camelcec.component.model.QueueInfoRequest;
import io.github.camelcec.component.model.RobotFeedbackRequest;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;

/**
 * The one place where a request's unset wire fields are filled: {@code channel}, the customer ({@code userId},
 * {@code from}, {@code receiverId}), the channel configuration ID ({@code channelConfigId}, {@code to},
 * {@code channelId}) and {@code locale} from the settings and the customer the call is made for. A field already set
 * is never replaced. File types are normalised ({@code .JPG} → {@code jpg}) so what is validated is what is sent.
 */
public final class RequestDefaults {

    private RequestDefaults() {
    }

    public static void fill(Object request, Customer customer, CecSettings s) {
        String userId = customer == null ? null : customer.userId();
        if (request instanceof SendMessageRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
            r.setFrom(or(r.getFrom(), userId));
            r.setTo(or(r.getTo(), s.channelConfigId()));
            r.setSourceType(or(r.getSourceType(), SendMessageRequest.SOURCE_CUSTOMER));
            r.setTimestamp(or(r.getTimestamp(), Long.toString(s.clock().millis())));
            if (r.getContent() == null && r.getControlType() != null && r.getControlType() != ControlType.CHAT) {
                r.setContent("");
            }
        } else if (request instanceof PollRequest r) {
            r.setReceiverId(or(r.getReceiverId(), userId));
            r.setChannel(or(r.getChannel(), s.channel()));
        } else if (request instanceof ApplyTokenRequest r) {
            r.setUserId(or(r.getUserId(), userId));
            r.setUserName(or(r.getUserName(), customer == null ? null : customer.userName()));
            r.setChannelId(or(r.getChannelId(), s.channelConfigId()));
            r.setLocale(or(r.getLocale(), s.locale()));
        } else if (request instanceof UploadFileRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
            r.setFileType(FileType.normalize(r.getFileType()));
        } else if (request instanceof DownloadFileRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
            r.setFileType(FileType.normalize(r.getFileType()));
        } else if (request instanceof SatisfactionRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
            r.setUserId(or(r.getUserId(), userId));
            r.setChannelConfigId(or(r.getChannelConfigId(), s.channelConfigId()));
        } else if (request instanceof QueueInfoRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
            r.setUserId(or(r.getUserId(), userId));
            r.setChannelConfigId(or(r.getChannelConfigId(), s.channelConfigId()));
        } else if (request instanceof RobotFeedbackRequest r) {
            // cec-api §6: "from" is a wire field of its own; the customer's id is only its default
            r.setFrom(or(r.getFrom(), userId));
        } else if (request instanceof PhraseQueryRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
            r.setLocale(or(r.getLocale(), s.locale()));
        } else if (request instanceof LeaveMessageRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
        } else if (request instanceof ClickToCallRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
        } else if (request instanceof DropClickToCallRequest r) {
            r.setChannel(or(r.getChannel(), s.channel()));
        } else if (request instanceof ChannelQuery r) {
            r.setChannel(or(r.getChannel(), s.channel()));
        }
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
