package io.linehub.epc;

/** The outcome of decoding or encoding one EPC: a tag or an error, never an exception. */
public sealed interface EpcResult permits EpcTag, EpcError {
}
