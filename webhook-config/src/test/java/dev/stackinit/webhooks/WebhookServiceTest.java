package dev.stackinit.webhooks;

import static dev.stackinit.webhooks.Specs.live;
import static dev.stackinit.webhooks.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {
    private final FakeWebhookDatabase database = new FakeWebhookDatabase();
    private final WebhookService service = new WebhookService(database);
    private final WebhookSpec orders = spec("order_hook", "orders", "http://stackend:8000/orders");

    @Test
    void applyRunsThePlanUnderTheLock() {
        ApplyReport report = service.apply(List.of(orders), false);
        assertThat(database.locked).isTrue();
        assertThat(report.created()).containsExactly("order_hook");
        assertThat(database.executed).containsExactly(TriggerSql.create(orders));
        assertThat(report.summary()).isEqualTo("1 change (1 created), 0 unchanged");
    }

    @Test
    void nothingRunsWhenWebhooksAreNotEnabled() {
        database.enabled = false;
        assertThatThrownBy(() -> service.apply(List.of(orders), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("database webhooks are not enabled");
        assertThat(database.executed).isEmpty();
    }

    @Test
    void nothingRunsWhenATableIsMissing() {
        WebhookSpec missing = spec("ghost_hook", "ghosts", "http://a/");
        assertThatThrownBy(() -> service.apply(List.of(orders, missing), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("table not found: public.ghosts (webhook ghost_hook)");
        assertThat(database.executed).isEmpty();
    }

    @Test
    void missingPgNetAndLoopbackUrlsAreWarningsOnly() {
        database.pgNet = false;
        ApplyReport report = service.apply(List.of(spec("h", "orders", "http://localhost:3000/h")), false);
        assertThat(report.warnings()).hasSize(2).first().asString().contains("pg_net is not installed");
        assertThat(database.executed).hasSize(1);
    }

    @Test
    void deleteDropsOnlyThatNameAndSaysSoWhenAbsent() {
        database.live.add(live(orders));
        database.live.add(live(spec("other", "orders", "http://a/")));
        assertThat(service.delete("nope", null).changes()).isZero();
        ApplyReport report = service.delete("order_hook", "orders");
        assertThat(report.deleted()).containsExactly("order_hook");
        assertThat(database.executed).containsExactly("DROP TRIGGER order_hook ON public.orders");
    }
}
