/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The `ease` front end: lists the tools, runs one, shows its manual. */
#ifndef EASE_FRONT_H
#define EASE_FRONT_H

int ease_front_main(int argc, char **argv);

#endif
