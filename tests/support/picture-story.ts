/**
 * The story the pictures tests build (issue 18): a lead picture,
 * media/bridge.jpg, with its alternative text, caption and credit, above the
 * body each test gives it. The tests put their own pictures in media/.
 */
export function bridgeStory(body: string): string {
  return `---
title: The harbour bridge opens
date: 2024-05-01
description: Traffic crossed the new span on Saturday.
image:
  src: /media/bridge.jpg
  alt: The new bridge lit at dusk, seen from the east bank
  caption: The span opened to traffic on Saturday.
  credit: Jane Doe
---

${body}
`;
}
