/* SPDX-License-Identifier: MIT */
/*
 * fuzz_network.c: libFuzzer harness for the network profile, a file that
 * travels between organisations and is as untrusted as a pack. A profile
 * that parses must survive a round trip: network_format writes a file
 * that parses again and formats to the same bytes.
 */
#include "fuzz.h"
#include "network.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct network *nw, *back;
	char *buf, *text, *again;

	if (size > NETWORK_MAX_FILE)
		return -1;	/* network_read refuses it before reading */
	fuzz_quiet();
	buf = fuzz_copy(data, size);
	if ((nw = network_parse("fuzz.yaml", buf, size)) != NULL) {
		FUZZ_ASSERT(diag_counts().errors == 0, "success after an error");
		text = network_format(nw);
		back = network_parse("fuzz-saved.yaml", text, strlen(text));
		FUZZ_ASSERT(back != NULL, "a formatted profile does not parse:\n%s", text);
		again = network_format(back);
		FUZZ_ASSERT(strcmp(text, again) == 0, "a round trip changes the profile");
		free(again);
		free(text);
		network_free(back);
		network_free(nw);
	} else {
		FUZZ_ASSERT(diag_counts().errors > 0, "failure without a diagnostic");
	}
	free(buf);
	return 0;
}
