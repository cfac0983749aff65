package io.linehub.masterdata;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A product as stored: its 14-digit GTIN, name and GS1 company prefix length, either of which may be unknown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductRecord(String gtin, String name, Integer companyPrefixLength) {
}
