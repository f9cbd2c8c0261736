#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so its headers pull in the system ICU's <unicode/*.h>, which
   clash with the ICU copy inside swift-foundation (_FoundationICU) as soon as one Swift module sees
   both. regpool never touches the ICU-only encoder fields (they are trailing members reached through
   pointers), so the ICU declarations are left out of the headers; the library is unchanged. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <string.h>
