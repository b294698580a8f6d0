package dev.stackinit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class EmbeddedMongoIT {
    @Test
    void speaksTheWireProtocolOnAFreePort() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("__models__").getCollection("flows").insertOne(new Document("_id", 1).append("n", "a"));
            assertThat(client.getDatabase("__models__").getCollection("flows").countDocuments())
                    .isEqualTo(1);
            assertThat(mongo.connectionString())
                    .contains(":" + mongo.port() + "/")
                    .contains("directConnection=true");
        }
    }
}
