import type { Random } from './random.ts';

/**
 * The picture a generated figure shows: an SVG of an industrial park as a bulletin photographs it
 * (sky, hills, a row of buildings and chimneys, trees, a road), every shape and colour drawn from
 * `random`. Flat shapes compress far better than a photo, so the generator lays grain over it.
 */
export function sceneSvg(width: number, height: number, random: Random): string {
  const horizon = Math.round(height * (0.45 + random.next() * 0.2));
  const skyHue = random.int(190, 225);
  const shapes = [
    sky(width, horizon, skyHue, random),
    ...clouds(width, horizon, random),
    hills(width, horizon, random),
    ...buildings(width, horizon, random),
    ground(width, height, horizon, random),
    road(width, height, horizon, random),
    ...trees(width, horizon, random),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    ...shapes,
    '</svg>',
  ].join('\n');
}

const hsl = (hue: number, saturation: number, lightness: number) =>
  `hsl(${Math.round(hue)},${Math.round(saturation)}%,${Math.round(lightness)}%)`;

function sky(width: number, horizon: number, hue: number, random: Random): string {
  const top = hsl(hue, random.int(35, 70), random.int(40, 60));
  const low = hsl(hue + random.int(-10, 10), random.int(20, 45), random.int(72, 88));
  return [
    '<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">',
    `<stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${low}"/>`,
    '</linearGradient></defs>',
    `<rect width="${width}" height="${horizon}" fill="url(#sky)"/>`,
  ].join('');
}

function clouds(width: number, horizon: number, random: Random): string[] {
  return Array.from({ length: random.int(0, 4) }, () => {
    const rx = random.int(width / 12, width / 5);
    const opacity = (0.3 + random.next() * 0.4).toFixed(2);
    return (
      `<ellipse cx="${random.int(0, width)}" cy="${random.int(horizon / 10, horizon / 2)}" ` +
      `rx="${rx}" ry="${Math.round(rx / random.int(3, 5))}" fill="#fff" opacity="${opacity}"/>`
    );
  });
}

function hills(width: number, horizon: number, random: Random): string {
  const points = [`0,${horizon}`];
  for (let x = 0; x <= width; x += Math.round(width / random.int(4, 8)))
    points.push(`${x},${horizon - random.int(horizon / 20, horizon / 5)}`);
  points.push(`${width},${horizon}`);
  const colour = hsl(random.int(90, 160), random.int(10, 30), random.int(45, 65));
  return `<polygon points="${points.join(' ')}" fill="${colour}"/>`;
}

/** A row of factory halls and office blocks along the horizon, with rows of windows and a few chimneys. */
function buildings(width: number, horizon: number, random: Random): string[] {
  const shapes: string[] = [];
  for (let x = random.int(-40, 20); x < width; x += random.int(10, 60)) {
    const w = random.int(width / 16, width / 5);
    const h = random.int(horizon / 8, (horizon * 2) / 3);
    const top = horizon - h;
    const hue = random.pick([30, 40, 200, 210, 0]);
    const facade = hsl(hue, random.int(0, 25), random.int(35, 80));
    shapes.push(`<rect x="${x}" y="${top}" width="${w}" height="${h}" fill="${facade}"/>`);
    if (random.chance(0.7)) {
      const windows = hsl(random.int(195, 220), random.int(10, 40), random.int(20, 45));
      const step = random.int(12, 22);
      const rowHeight = Math.round(step / 2);
      for (let y = top + step / 2; y < horizon - step; y += step)
        shapes.push(
          `<rect x="${x + 4}" y="${Math.round(y)}" width="${w - 8}" height="${rowHeight}" fill="${windows}"/>`,
        );
    }
    if (random.chance(0.25)) {
      const chimney = random.int(6, 14);
      shapes.push(
        `<rect x="${x + random.int(0, w - chimney)}" y="${top - random.int(h / 3, h)}" width="${chimney}" ` +
          `height="${h}" fill="${hsl(0, 0, random.int(40, 70))}"/>`,
      );
    }
    x += w;
  }
  return shapes;
}

function ground(width: number, height: number, horizon: number, random: Random): string {
  const hue = random.int(60, 120);
  return [
    '<defs><linearGradient id="ground" x1="0" y1="0" x2="0" y2="1">',
    `<stop offset="0" stop-color="${hsl(hue, random.int(15, 40), random.int(35, 50))}"/>`,
    `<stop offset="1" stop-color="${hsl(hue + random.int(-20, 20), random.int(10, 35), random.int(20, 35))}"/>`,
    '</linearGradient></defs>',
    `<rect y="${horizon}" width="${width}" height="${height - horizon}" fill="url(#ground)"/>`,
  ].join('');
}

function road(width: number, height: number, horizon: number, random: Random): string {
  const vanish = random.int(width / 4, (width * 3) / 4);
  const spread = random.int(width / 4, width / 2);
  return (
    `<polygon points="${vanish - 6},${horizon} ${vanish + 6},${horizon} ${vanish + spread},${height} ` +
    `${vanish - spread},${height}" fill="${hsl(0, 0, random.int(30, 55))}"/>`
  );
}

function trees(width: number, horizon: number, random: Random): string[] {
  return Array.from({ length: random.int(3, 14) }, () => {
    const r = random.int(8, 26);
    const x = random.int(0, width);
    const leaves = hsl(random.int(80, 140), random.int(25, 55), random.int(20, 40));
    return (
      `<rect x="${x - 2}" y="${horizon - r}" width="4" height="${r + 4}" fill="#4a3a2a"/>` +
      `<circle cx="${x}" cy="${horizon - r}" r="${r}" fill="${leaves}"/>`
    );
  });
}
