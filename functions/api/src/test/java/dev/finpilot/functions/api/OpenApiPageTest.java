package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HTML page rendered from the OpenAPI document. */
class OpenApiPageTest {

  @Test
  void theDocsPageEscapesEverythingItQuotes() {
    assertThat(OpenApiPage.esc("<script>alert('x&y')</script>\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;&quot;");
  }
}
