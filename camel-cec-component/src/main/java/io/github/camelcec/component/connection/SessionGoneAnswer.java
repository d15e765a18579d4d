package io.github.camelcec.component.connection;

import java.util.Locale;
import java.util.Set;

import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ControlType;

/**
 * Recognises CEC's answer to a message when the session it belongs to is gone server-side (cec-api.md §5: CEC releases
 * a session that was not polled in time). ref §7.2 answers such a CHAT or INPUT with code 13 "sendUserMessage failed"
 * (发送用户消息失败!) and a TRANS2AGENT with 13 "fail to transfer from robot to agent,session keep touch failed."
 * (转人工失败, 会话已失效: session expired). Code 13 alone says nothing: it also answers, for example, an INPUT while
 * a robot serves ("This is robot service,this message is prevented!"), a transfer to a customer already with an agent
 * or a missing channel configuration, and none of those is cured by a new CONNECT — so the description decides.
 */
final class SessionGoneAnswer {

    /** ref §7.2, CHAT (agent) and INPUT: the send failed, in the English and the Chinese wording. */
    private static final Set<String> MESSAGE_FAILED = Set.of("sendusermessage failed", "发送用户消息失败!",
            "发送用户消息失败！", "发送用户消息失败");
    /** ref §7.2, TRANS2AGENT: the session expired ("会话已失效", "session keep touch failed"). */
    private static final Set<String> TRANSFER_SESSION_EXPIRED = Set.of("session keep touch failed", "会话已失效");
    private static final String CODE = "13";

    private SessionGoneAnswer() {
    }

    /** Whether {@code answer} to a message of {@code controlType} says the customer's session is gone. */
    static boolean isSessionGone(ControlType controlType, CecResult answer) {
        if (controlType == null || answer == null || !CODE.equals(answer.getResultCode()) || answer.getResultDesc() == null) {
            return false;
        }
        String desc = answer.getResultDesc().strip().toLowerCase(Locale.ROOT);
        return switch (controlType) {
            case CHAT, INPUT -> MESSAGE_FAILED.contains(desc);
            case TRANS2AGENT -> TRANSFER_SESSION_EXPIRED.stream().anyMatch(desc::contains);
            default -> false;
        };
    }
}
