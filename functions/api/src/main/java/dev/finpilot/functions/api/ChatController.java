package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.finpilot.functions.api.InsightSubjects.Loaded;
import dev.finpilot.functions.api.InsightSubjects.VersionBasis;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.insight.chat.ChatAnswer;
import dev.finpilot.insight.chat.ChatAnswerer;
import dev.finpilot.insight.chat.Inquiry;
import dev.finpilot.insight.chat.QuestionReader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/**
 * Questions about a plan in plain words: the question is read with FinPilot's own parser, answered
 * by the insight route it asks for, and the reply gives the answer in words, its numbers, and that
 * route's call so the owner can repeat it. A question whose figure cannot be read is still a {@code
 * 200}: the reply says which figure and how to say it, and makes no call.
 */
@Controller("/v1/chat")
final class ChatController {
  private final InsightSubjects subjects;
  private final Gate gate;

  ChatController(InsightSubjects subjects, Gate gate) {
    this.subjects = subjects;
    this.gate = gate;
  }

  /**
   * @param planId the plan asked about; the caller's most recent ACTIVE plan when absent
   */
  record ChatRequest(String question, String planId) {}

  /**
   * @param call the route that answered, as the owner would call it; absent when nothing was
   *     answered
   */
  record ChatReply(
      String planId,
      int version,
      VersionBasis versionBasis,
      @JsonUnwrapped ChatAnswer answer,
      ApiCall call) {}

  @Post(consumes = MediaType.ALL)
  HttpResponse<String> ask(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.SIMULATION);
    ChatRequest input = JsonBody.read(request, event, ChatRequest.class, JsonBody.SMALL_BODY_BYTES);
    Loaded loaded = plan(userId, input.planId());
    Inquiry inquiry =
        ProblemException.unlessInvalid(
            "question", () -> QuestionReader.read(input.question(), loaded.subject()));
    ChatAnswer answer = ChatAnswerer.answer(inquiry, loaded.subject());
    String planId = loaded.plan().planId();
    int version = loaded.subject().version();
    ApiCall call =
        answer.answered() ? ApiCall.of(answer.intent(), planId, version, answer.change()) : null;
    return Responses.json(
        HttpStatus.OK, new ChatReply(planId, version, loaded.basis(), answer, call));
  }

  private Loaded plan(String userId, String planId) {
    if (planId != null) {
      return subjects.inForce(userId, planId);
    }
    return subjects
        .latestActive(userId)
        .map(subjects::inForce)
        .orElseThrow(
            () ->
                ProblemException.invalidField(
                    ProblemType.VALIDATION_FAILED,
                    "planId",
                    "is required: no plan of yours is ACTIVE among your "
                        + InsightSubjects.ACTIVE_PLAN_SEARCH
                        + " most recent; name the plan to ask about"));
  }
}
