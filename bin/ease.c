/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease: the front end of the ease tools. */
#include "ease/front.h"

int
main(int argc, char **argv)
{
	return ease_front_main(argc, argv);
}
