package io.linehub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linehub.sim.DemoCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MasterDataSeedTest {

    @Test
    void the_bulk_seed_writes_the_same_serials_as_the_demo_catalog() throws Exception {
        String url = "jdbc:h2:mem:seed-test;DB_CLOSE_DELAY=-1";
        MasterDataSeed.seed(url, "sa", "", 10_007);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement(); ResultSet count = s.executeQuery("SELECT COUNT(*) FROM serial")) {
                count.next();
                assertEquals(10_007, count.getLong(1));
            }
            for (int i : new int[] {0, 4_999, 5_000, 10_006}) {
                DemoCatalog.Item item = DemoCatalog.item(i);
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT lot, expiry, status FROM serial WHERE gtin = ? AND serial = ?")) {
                    q.setString(1, item.gtin());
                    q.setString(2, item.serial());
                    try (ResultSet row = q.executeQuery()) {
                        row.next();
                        assertEquals(item.lot(), row.getString(1), "lot of " + i);
                        assertEquals(item.expiry(), row.getDate(2).toLocalDate(), "expiry of " + i);
                        assertEquals(DemoCatalog.STATUS, row.getString(3));
                    }
                }
            }
        }
    }
}
