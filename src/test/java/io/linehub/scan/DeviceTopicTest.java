package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeviceTopicTest {

    @Test
    void should_read_line_and_device_of_a_scan_and_a_job_topic() {
        assertEquals(new DeviceTopic("line1", "scanner-1"), DeviceTopic.parse("linehub", "linehub/line1/scanner/scanner-1/scan"),
                "scan topic");
        assertEquals(new DeviceTopic("l2", "P1"), DeviceTopic.parse("plant/a", "plant/a/l2/printer/P1/job"),
                "job topic under a multi-level prefix");
    }

    @Test
    void should_name_nothing_for_a_topic_of_another_shape() {
        assertEquals(new DeviceTopic(null, null), DeviceTopic.parse("linehub", "other/line1/scanner/s/scan"), "foreign prefix");
        assertEquals(new DeviceTopic(null, null), DeviceTopic.parse("linehub", "linehub/line1"), "too short");
        assertEquals(new DeviceTopic(null, null), DeviceTopic.parse("linehub", null), "no topic");
    }
}
