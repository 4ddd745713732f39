package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests that Jetty refuses before routing still get the {@code {"error", "code"}} body, never HTML. */
class MalformedHttpTest {

    @Test
    void aControlCharacterInThePathIsAJson400() {
        Harness.run(client -> assertJsonError(raw(client.port,
                "GET /v1/coll\u0001ections HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400));
    }

    @Test
    void anInvalidPercentEncodingInThePathIsAJson400() {
        Harness.run(client -> assertJsonError(raw(client.port,
                "GET /v1/collections/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400));
    }

    @Test
    void aRequestLineWithoutAUriIsAJson400() {
        Harness.run(client -> assertJsonError(raw(client.port, "GARBAGE\r\n\r\n"), 400));
    }

    @Test
    void headersOverTheLimitAreAJson431() {
        Harness.run(client -> assertJsonError(raw(client.port, "GET /v1/collections HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"), 431));
    }

    @Test
    void aQueryStringWithAMalformedEscapeIsRefusedNotIgnored() {
        Harness.run(client -> {
            for (String query : new String[] {"name=%ZZ", "limit=%", "limit=1%", "cursor=%G1", "%zz"}) {
                String answer = raw(client.port, "GET /v1/collections?" + query + " HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: " + client.authorization + "\r\nConnection: close\r\n\r\n");
                assertThat(answer).as(query).startsWith("HTTP/1.1 400 ");
                assertThat(body(answer).get("error").asText()).as(query)
                        .isEqualTo("query string must be percent-encoded UTF-8 (a '%' followed by two hexadecimal digits)");
            }
            String created = raw(client.port, "POST /v1/collections?x=% HTTP/1.1\r\nHost: x\r\nAuthorization: "
                    + client.authorization + "\r\nContent-Type: application/json\r\nContent-Length: 14\r\n"
                    + "Connection: close\r\n\r\n{\"name\":\"new\"}");
            assertThat(created).startsWith("HTTP/1.1 400 ");
            assertThat(client.get("/v1/collections").body()).isEqualTo("[]");
        });
    }

    private static JsonNode body(String response) throws IOException {
        return Harness.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    private static void assertJsonError(String response, int status) throws IOException {
        assertThat(response).startsWith("HTTP/1.1 " + status + " ");
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("content-type: application/json");
        JsonNode body = Harness.JSON.readTree(response.substring(split + 4));
        assertThat(body.get("code").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).startsWith("the request was refused: ");
        assertThat(body.size()).isEqualTo(2);
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                answer.write(buffer, 0, read);
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
