package io.newsflow.launcher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SubscribeCommandTest {

  @Test
  void turnsTheOptionsIntoASubscriptionRequest() {
    // given
    SubscribeCommand command = new SubscribeCommand();
    new CommandLine(command).parseArgs("--entity", "Poland", "--entity", "Q41", "--holder", "Poland",
        "--polarity", "OPPOSE,HESITANT", "--keyword", "grain exports", "--language", "en", "--min-urgency", "3",
        "--webhook", "http://127.0.0.1:9000/hook", "--secret", "a-long-shared-secret");

    // when
    ObjectNode request = command.request();

    // then
    assertThat(request.toString()).isEqualTo("{\"entities\":[\"Poland\",\"Q41\"],"
        + "\"stance\":{\"holder\":\"Poland\",\"polarities\":[\"OPPOSE\",\"HESITANT\"]},"
        + "\"keywords\":[\"grain exports\"],\"language\":\"en\",\"minUrgency\":3,"
        + "\"webhook\":{\"url\":\"http://127.0.0.1:9000/hook\",\"secret\":\"a-long-shared-secret\"}}");
  }

  @Test
  void sendsOnlyTheOptionsGiven() {
    // given
    SubscribeCommand command = new SubscribeCommand();
    new CommandLine(command).parseArgs("--keyword", "troops");

    // when
    ObjectNode request = command.request();

    // then
    assertThat(request.toString()).isEqualTo("{\"keywords\":[\"troops\"]}");
  }
}
