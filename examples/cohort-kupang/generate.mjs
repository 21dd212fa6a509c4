// SYNTHETIC cohort of Kota Kupang civil servants for the Kupang rubric packs. No real person is described: names,
// NIPs, ratings and results are drawn from a seeded pseudo-random generator (mulberry32, below), so the same seed
// always gives the same cohort, byte for byte. Regenerate with `node generate.mjs` (writes cohort.json).
//
// What it builds (see README.md): 7 units (Dinas Kesehatan, three Puskesmas, three Bagian of the Sekretariat
// Daerah), each a head, team leaders and staff; 18-digit NIPs (birth date + appointment month + sex + sequence);
// ranks, positions (struktural / fungsional with levels / pelaksana), rankSince and one or two years of history; the
// annual period 2025; SKP targets with realisations; the agency indicators' inputs; ratings of every BerAKHLAK value
// by the supervisor, peers, a third party and (for leaders) subordinates; declared conflicts of interest; a few
// deliberately lenient or hostile supervisors and a few deliberately missing roles, marked in `scenario`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fixed seed of the committed cohort.json. */
export const SEED = 20250101;

/** mulberry32: a small 32-bit PRNG (public domain, Tommy Ettinger). Returns floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = [
  'berorientasi-pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
];

const MALE = [
  'Yohanes',
  'Fransiskus',
  'Agustinus',
  'Yakobus',
  'Petrus',
  'Stefanus',
  'Daniel',
  'Ferdinand',
  'Antonius',
  'Aloysius',
  'Melkianus',
  'Semuel',
  'Yosef',
  'Marthen',
  'Nikodemus',
  'Arnoldus',
  'Siprianus',
  'Benediktus',
  'Kornelis',
  'Paulus',
  'Herman',
  'Yeremias',
  'Obed',
  'Frengki',
  'Jefri',
  'Imanuel',
  'Rudolf',
  'Hendrik',
  'Abraham',
  'Mikhael',
  'Gabriel',
  'Ignasius',
  'Dominikus',
  'Robert',
  'Alfons',
  'Kristofel',
];
const FEMALE = [
  'Maria',
  'Yuliana',
  'Margaretha',
  'Kristina',
  'Elisabeth',
  'Imelda',
  'Novita',
  'Ester',
  'Debora',
  'Ruth',
  'Welhelmina',
  'Theresia',
  'Veronika',
  'Agustina',
  'Yosefina',
  'Fransiska',
  'Marselina',
  'Anggreni',
  'Febriana',
  'Lusia',
  'Magdalena',
  'Sarlota',
  'Dorkas',
  'Naomi',
  'Yohana',
  'Adriana',
  'Helena',
  'Rosalia',
  'Serlince',
  'Meliana',
  'Oktovina',
  'Priska',
  'Susana',
  'Ernawati',
  'Yanti',
  'Dewi',
];
const SURNAMES = [
  'Ndun',
  'Benu',
  'Tefa',
  'Manafe',
  'Nope',
  'Lay',
  'Fanggidae',
  'Pello',
  'Bessie',
  'Kolo',
  'Tallo',
  'Riwu Kaho',
  'Nenobais',
  'Selan',
  'Foenay',
  'Lado',
  'Mau',
  'Tanesib',
  'Boimau',
  'Lona',
  'Messakh',
  'Dethan',
  'Toelle',
  'Ratu',
  'Djami',
  'Dima',
  'Bire',
  'Radja',
  'Haning',
  'Mooy',
  'Lenggu',
  'Amalo',
  'Pandie',
  'Ndoen',
  'Sinlae',
  'Ballo',
  'Fobia',
  'Seran',
  'Taek',
  'Bria',
  'Nahak',
  'Leki',
  'Kana',
  'Hege',
  'Mboeik',
  'Adoe',
  'Lerik',
  'Sabaat',
];

/**
 * Units: pack, size and structure. Teams are led by a team leader who reports to the unit head; staff report to
 * their team leader. `staff` lists positions: [title, positionType, functionalLevel|null, weight].
 */
const UNITS = [
  {
    id: 'dinkes',
    name: 'Dinas Kesehatan',
    short: 'Dinkes',
    pack: 'kupang-dinkes',
    size: 62,
    head: ['Kepala Dinas Kesehatan', 'struktural', null, 'IV/c'],
    headSupervisor: 'sekda-kota-kupang',
    leaders: [
      ['Sekretaris Dinas Kesehatan', 'struktural', null, 'IV/b'],
      ['Kepala Bidang Kesehatan Masyarakat', 'struktural', null, 'IV/a'],
      ['Kepala Bidang Pencegahan dan Pengendalian Penyakit', 'struktural', null, 'IV/a'],
      ['Kepala Bidang Pelayanan Kesehatan', 'struktural', null, 'IV/a'],
      ['Kepala Bidang Sumber Daya Kesehatan', 'struktural', null, 'IV/a'],
    ],
    staff: [
      ['Epidemiolog Kesehatan Ahli Pertama', 'fungsional', 'ahli-pertama', 3],
      ['Epidemiolog Kesehatan Ahli Muda', 'fungsional', 'ahli-muda', 2],
      ['Administrator Kesehatan Ahli Pertama', 'fungsional', 'ahli-pertama', 3],
      ['Administrator Kesehatan Ahli Muda', 'fungsional', 'ahli-muda', 2],
      ['Penyuluh Kesehatan Masyarakat Ahli Pertama', 'fungsional', 'ahli-pertama', 2],
      ['Apoteker Ahli Muda', 'fungsional', 'ahli-muda', 1],
      ['Sanitarian Mahir', 'fungsional', 'mahir', 2],
      ['Nutrisionis Ahli Pertama', 'fungsional', 'ahli-pertama', 1],
      ['Pengelola Program Imunisasi', 'pelaksana', null, 3],
      ['Pengolah Data Kesehatan', 'pelaksana', null, 3],
      ['Pengelola Keuangan', 'pelaksana', null, 2],
      ['Pengadministrasi Perkantoran', 'pelaksana', null, 3],
      ['Pengelola Layanan Perizinan Kesehatan', 'pelaksana', null, 2],
    ],
  },
  ...[
    ['oebobo', 'Puskesmas Oebobo', 'Pusk. Oebobo', 48, 1180],
    ['sikumana', 'Puskesmas Sikumana', 'Pusk. Sikumana', 44, 1010],
    ['bakunase', 'Puskesmas Bakunase', 'Pusk. Bakunase', 40, 860],
  ].map(([id, name, short, size, infants]) => ({
    id,
    name,
    short,
    pack: 'kupang-dinkes',
    size,
    infants,
    head: ['Dokter Ahli Madya (Kepala Puskesmas)', 'fungsional', 'ahli-madya', 'IV/a'],
    headSupervisor: 'dinkes-head',
    leaders: [
      ['Kepala Subbagian Tata Usaha', 'struktural', null, 'III/d'],
      ['Perawat Ahli Muda (Penanggung Jawab UKP)', 'fungsional', 'ahli-muda', 'III/d'],
      ['Bidan Ahli Muda (Penanggung Jawab UKM)', 'fungsional', 'ahli-muda', 'III/c'],
    ],
    staff: [
      ['Dokter Ahli Pertama', 'fungsional', 'ahli-pertama', 2],
      ['Perawat Terampil', 'fungsional', 'terampil', 3],
      ['Perawat Mahir', 'fungsional', 'mahir', 2],
      ['Perawat Ahli Pertama', 'fungsional', 'ahli-pertama', 3],
      ['Bidan Terampil', 'fungsional', 'terampil', 3],
      ['Bidan Mahir', 'fungsional', 'mahir', 2],
      ['Bidan Ahli Pertama', 'fungsional', 'ahli-pertama', 2],
      ['Pranata Laboratorium Kesehatan Terampil', 'fungsional', 'terampil', 1],
      ['Sanitarian Terampil', 'fungsional', 'terampil', 1],
      ['Nutrisionis Terampil', 'fungsional', 'terampil', 1],
      ['Asisten Apoteker Terampil', 'fungsional', 'terampil', 1],
      ['Petugas Pendaftaran dan Rekam Medis', 'pelaksana', null, 2],
      ['Pengadministrasi Perkantoran', 'pelaksana', null, 1],
    ],
  })),
  ...[
    ['umum', 'Sekretariat Daerah — Bagian Umum', 'Setda Umum', 46, 3],
    ['organisasi', 'Sekretariat Daerah — Bagian Organisasi', 'Setda Organisasi', 32, 5],
    ['hukum', 'Sekretariat Daerah — Bagian Hukum', 'Setda Hukum', 34, 5],
  ].map(([id, name, short, size, letterDays]) => ({
    id,
    name,
    short,
    pack: 'kupang-administrasi',
    size,
    letterDays,
    head: [`Kepala ${name.split('— ')[1]}`, 'struktural', null, 'IV/a'],
    headSupervisor: 'asisten-administrasi-umum',
    leaders: {
      umum: [
        ['Kepala Subbagian Tata Usaha Pimpinan', 'struktural', null, 'III/d'],
        ['Kepala Subbagian Rumah Tangga', 'struktural', null, 'III/d'],
        ['Kepala Subbagian Keuangan dan Perlengkapan', 'struktural', null, 'III/d'],
      ],
      organisasi: [
        ['Kepala Subbagian Kelembagaan dan Analisis Jabatan', 'struktural', null, 'III/d'],
        ['Kepala Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja', 'struktural', null, 'III/d'],
      ],
      hukum: [
        ['Kepala Subbagian Perundang-undangan', 'struktural', null, 'III/d'],
        ['Kepala Subbagian Bantuan Hukum', 'struktural', null, 'III/d'],
      ],
    }[id],
    staff: {
      umum: [
        ['Arsiparis Terampil', 'fungsional', 'terampil', 2],
        ['Arsiparis Ahli Pertama', 'fungsional', 'ahli-pertama', 1],
        ['Pranata Komputer Ahli Pertama', 'fungsional', 'ahli-pertama', 1],
        ['Pengadministrasi Perkantoran', 'pelaksana', null, 4],
        ['Pengelola Barang Milik Daerah', 'pelaksana', null, 2],
        ['Pengelola Keuangan', 'pelaksana', null, 2],
        ['Penata Layanan Operasional', 'pelaksana', null, 3],
        ['Operator Layanan Operasional', 'pelaksana', null, 2],
      ],
      organisasi: [
        ['Analis Kebijakan Ahli Pertama', 'fungsional', 'ahli-pertama', 2],
        ['Analis Kebijakan Ahli Muda', 'fungsional', 'ahli-muda', 1],
        ['Analis SDM Aparatur Ahli Pertama', 'fungsional', 'ahli-pertama', 2],
        ['Penata Kelembagaan', 'pelaksana', null, 2],
        ['Pengadministrasi Perkantoran', 'pelaksana', null, 2],
        ['Penelaah Teknis Kebijakan', 'pelaksana', null, 2],
      ],
      hukum: [
        ['Analis Hukum Ahli Pertama', 'fungsional', 'ahli-pertama', 2],
        ['Analis Hukum Ahli Muda', 'fungsional', 'ahli-muda', 1],
        ['Perancang Peraturan Perundang-undangan Ahli Pertama', 'fungsional', 'ahli-pertama', 2],
        ['Perancang Peraturan Perundang-undangan Ahli Muda', 'fungsional', 'ahli-muda', 1],
        ['Penata Kelola Dokumen Hukum', 'pelaksana', null, 2],
        ['Pengadministrasi Perkantoran', 'pelaksana', null, 2],
      ],
    }[id],
  })),
];

/** SKP work targets per kind of post: [label, unit target]; a post draws 3 or 4 of them. */
const TARGETS = {
  dinkes: [
    ['Laporan surveilans penyakit', 12],
    ['Dokumen perencanaan program', 4],
    ['Supervisi ke Puskesmas', 24],
    ['Kegiatan penyuluhan kesehatan', 18],
    ['Rekomendasi teknis', 30],
    ['Data capaian program yang divalidasi', 48],
  ],
  puskesmas: [
    ['Kunjungan pasien yang dilayani', 1200],
    ['Kunjungan rumah / posyandu', 96],
    ['Laporan bulanan program', 12],
    ['Ibu hamil yang diperiksa (K4)', 180],
    ['Pemeriksaan laboratorium', 900],
    ['Kegiatan penyuluhan', 24],
  ],
  administrasi: [
    ['Naskah dinas yang diproses', 360],
    ['Dokumen yang ditelaah', 48],
    ['Rapat/kegiatan yang difasilitasi', 40],
    ['Laporan bulanan', 12],
    ['Rancangan produk hukum/kebijakan', 10],
    ['Berkas yang diarsipkan', 600],
  ],
};

const RANKS = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c'];
const PROMOTION_MONTHS = [2, 4, 6, 8, 10, 12];

/** A synthetic cohort. `rng` is the only source of randomness. */
export function generateCohort(seed = SEED) {
  const rng = mulberry32(seed);
  const uniform = (lo, hi) => lo + (hi - lo) * rng();
  const int = (lo, hi) => Math.floor(uniform(lo, hi + 1));
  const pick = (list) => list[Math.floor(rng() * list.length)];
  // Approximately normal (Irwin–Hall of 4): only + and ×, so the numbers are the same on every platform.
  const normal = (mean, sd) => mean + sd * (rng() + rng() + rng() + rng() - 2) * 1.7320508075688772;
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  const pad = (n, w) => String(n).padStart(w, '0');
  const weighted = (list) => {
    const total = list.reduce((a, x) => a + x[3], 0);
    let r = rng() * total;
    for (const x of list) {
      r -= x[3];
      if (r < 0) return x;
    }
    return list[list.length - 1];
  };

  const usedNips = new Set();
  let sequence = 0;
  const makePerson = (rankHint) => {
    const sex = rng() < 0.55 ? 2 : 1;
    const first = pick(sex === 1 ? MALE : FEMALE);
    const middle = rng() < 0.35 ? ` ${pick(sex === 1 ? MALE : FEMALE)}` : '';
    const name = `${first}${middle} ${pick(SURNAMES)}`;
    const rankIndex = rankHint ?? int(0, 7);
    // Older for higher ranks: roughly 4 years per rank step after appointment.
    const birthYear = clamp(2025 - int(24, 30) - Math.round(rankIndex * 2.2) - int(0, 6), 1967, 2001);
    const birth = `${birthYear}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`;
    const appointedYear = clamp(birthYear + int(22, 30), birthYear + 19, 2023);
    const appointed = `${appointedYear}${pad(pick([1, 2, 3, 4, 12]), 2)}`;
    let nip;
    do {
      sequence = (sequence % 999) + 1;
      nip = `${birth}${appointed}${sex}${pad(sequence, 3)}`;
    } while (usedNips.has(nip));
    usedNips.add(nip);
    const yearsInRank = int(1, 7);
    const rankSince = `${clamp(2025 - yearsInRank, appointedYear + 1, 2025)}-${pad(pick(PROMOTION_MONTHS), 2)}-01`;
    return { nip, name, sex, rank: RANKS[clamp(rankIndex, 0, RANKS.length - 1)], rankSince };
  };

  const employees = [];
  const thirdPartyPool = [];
  for (const unit of UNITS) {
    const people = [];
    const add = (post, role, team, rankIndex) => {
      const p = makePerson(rankIndex);
      const [position, positionType, functionalLevel] = post;
      people.push({ ...p, unit, position, positionType, functionalLevel, role, team });
      return people[people.length - 1];
    };
    const head = add(unit.head, 'head', -1, RANKS.indexOf(unit.head[3]));
    head.rank = unit.head[3];
    const leaders = unit.leaders.map((post, i) => {
      const l = add(post, 'leader', i, RANKS.indexOf(post[3]));
      l.rank = post[3];
      return l;
    });
    while (people.length < unit.size) {
      const post = weighted(unit.staff);
      const rankIndex =
        post[1] === 'pelaksana' ? int(0, 6) : post[2]?.startsWith('ahli') ? int(4, 8) : int(1, 6);
      add(post, 'staff', int(0, leaders.length - 1), rankIndex);
    }
    for (const p of people) {
      p.supervisor =
        p.role === 'head' ? null : p.role === 'leader' ? head.nip : (leaders[p.team]?.nip ?? head.nip);
      p.subordinates = people.filter((q) => q.supervisor === p.nip).map((q) => q.nip);
    }
    head.supervisorId = unit.headSupervisor;
    unit.people = people;
    thirdPartyPool.push(
      ...people
        .filter((p) => p.role === 'staff')
        .map((p) => ({ nip: p.nip, unit: unit.id, pack: unit.pack })),
    );
  }
  const dinkesHead = UNITS[0].people[0].nip;

  // Deliberate scenarios, drawn once so the review flags have something to find.
  const staffIndex = [];
  for (const u of UNITS) for (const p of u.people) staffIndex.push(p);
  const scenarios = new Map();
  const mark = (count, tag, filter = () => true) => {
    let n = 0;
    let guard = 0;
    while (n < count && guard++ < 10000) {
      const p = pick(staffIndex);
      if (scenarios.has(p.nip) || !filter(p)) continue;
      scenarios.set(p.nip, tag);
      n++;
    }
  };
  mark(10, 'lenient-supervisor', (p) => p.role !== 'head');
  mark(3, 'hostile-supervisor', (p) => p.role === 'staff');
  mark(8, 'family-peer', (p) => p.role === 'staff');
  mark(2, 'family-supervisor', (p) => p.role === 'staff');
  mark(4, 'third-party-missing');

  // One leniency per supervisor: some supervisors are mildly generous with everyone.
  const leniency = new Map();
  const supervisorLeniency = (id) => {
    if (!leniency.has(id)) leniency.set(id, clamp(normal(0.05, 0.15), -0.3, 0.4));
    return leniency.get(id);
  };

  const rate = (x) => clamp(Math.round(x), 1, 5);
  const levelOf = (mean) => (mean >= 4.5 ? 'di-atas' : mean >= 3.5 ? 'sesuai' : 'di-bawah');
  const step = (level, d) => {
    const order = ['di-bawah', 'sesuai', 'di-atas'];
    return order[clamp(order.indexOf(level) + d, 0, 2)];
  };

  for (const unit of UNITS) {
    for (const p of unit.people) {
      const scenario = scenarios.get(p.nip);
      // A lenient supervisor's favourite is typically an average performer; a hostile supervisor's target a good one.
      const behaviour =
        scenario === 'lenient-supervisor'
          ? clamp(normal(3.75, 0.15), 3.3, 4.1)
          : scenario === 'hostile-supervisor'
            ? clamp(normal(4.3, 0.15), 4, 4.7)
            : clamp(normal(4.1, 0.3), 2.8, 4.95);
      const performance = clamp(normal(1.05, 0.045), 0.85, 1.2);
      const valueOffset = Object.fromEntries(VALUES.map((v) => [v, normal(0, 0.2)]));
      // Feedback as an e-Kinerja export would hold it: one entry per rater, the 7 values in BerAKHLAK order.
      const feedback = [];
      const give = (rater, role, values) => {
        const entry = { rater, role, values };
        feedback.push(entry);
        return entry;
      };

      // Supervisor: the unit head's supervisor is outside the cohort (Sekda, Kepala Dinas, Asisten).
      const supervisorId =
        p.role === 'head'
          ? unit.headSupervisor === 'dinkes-head'
            ? dinkesHead
            : unit.headSupervisor
          : p.supervisor;
      const lean = supervisorLeniency(supervisorId);
      const supervisorValues = VALUES.map((v) => {
        if (scenario === 'lenient-supervisor') return 5;
        if (scenario === 'hostile-supervisor') return 3;
        return rate(behaviour + valueOffset[v] + lean + normal(0, 0.25));
      });
      give(supervisorId, 'supervisor', supervisorValues);

      // Peers: same team (staff), the other leaders (leaders), or the heads of sibling units (heads).
      // Too small a team or too few fellow leaders: widen to the unit's staff, or the leaders of sibling units.
      let peerPool;
      if (p.role === 'staff') {
        peerPool = unit.people.filter((q) => q.role === 'staff' && q.team === p.team);
        if (peerPool.length < 3) peerPool = unit.people.filter((q) => q.role === 'staff');
      } else if (p.role === 'leader') {
        peerPool = unit.people.filter((q) => q.role === 'leader');
        if (peerPool.length < 3) {
          peerPool = peerPool.concat(
            UNITS.filter((u) => u.pack === unit.pack && u !== unit).flatMap((u) =>
              u.people.filter((q) => q.role === 'leader'),
            ),
          );
        }
      } else
        peerPool = UNITS.filter(
          (u) => u.pack === unit.pack && u !== unit && u.headSupervisor === unit.headSupervisor,
        )
          .map((u) => u.people[0])
          .concat(
            unit.headSupervisor === 'sekda-kota-kupang'
              ? [{ nip: 'kadis-lain-1' }, { nip: 'kadis-lain-2' }]
              : [],
          );
      const peers = peerPool.filter((q) => q.nip !== p.nip);
      const nPeers = Math.min(peers.length, int(2, 3));
      const chosen = [];
      while (chosen.length < nPeers) {
        const q = pick(peers);
        if (!chosen.includes(q.nip)) chosen.push(q.nip);
      }
      for (const q of chosen) {
        give(
          q,
          'peer',
          VALUES.map((v) => rate(behaviour + valueOffset[v] + normal(0, 0.5))),
        );
      }
      const conflicts = [];
      if (scenario === 'family-peer') {
        const relative = pick(
          peers.filter((q) => !chosen.includes(q.nip)).concat([{ nip: `kerabat-${p.nip}` }]),
        );
        give(
          relative.nip,
          'peer',
          VALUES.map(() => 5),
        );
        chosen.push(relative.nip);
        conflicts.push({ rater: relative.nip, kind: 'family', note: 'saudara kandung dalam unit yang sama' });
      }
      if (scenario === 'family-supervisor') {
        conflicts.push({
          rater: supervisorId,
          kind: 'family',
          note: 'atasan langsung adalah kerabat pegawai',
        });
      }

      // Third party: the public served (Puskesmas: a posyandu cadre / kelurahan health forum), or staff of another
      // unit served. A Puskesmas cadre's figure is a survey mean, in halves.
      if (scenario !== 'third-party-missing') {
        if (unit.pack === 'kupang-dinkes' && unit.id !== 'dinkes') {
          const cadre = `kader-${unit.id}-${pad(int(1, 12), 2)}`;
          give(
            cadre,
            'third-party',
            VALUES.map((v) =>
              clamp(Math.round((behaviour + valueOffset[v] + normal(0, 0.45)) * 2) / 2, 1, 5),
            ),
          );
        } else {
          const others = thirdPartyPool.filter((t) => t.unit !== unit.id && t.pack === unit.pack);
          const partner = pick(others).nip;
          give(
            partner,
            'third-party',
            VALUES.map((v) => rate(behaviour + valueOffset[v] + normal(0, 0.55))),
          );
        }
      }

      // Subordinates (leaders and heads): shown, not counted by the Kupang packs; counted by the national pack.
      for (const s of p.subordinates.slice(0, 2)) {
        give(
          s,
          'subordinate',
          VALUES.map((v) => rate(behaviour + valueOffset[v] + normal(0, 0.6))),
        );
      }

      // SKP targets with realisations.
      const kind =
        unit.pack === 'kupang-administrasi' ? 'administrasi' : unit.id === 'dinkes' ? 'dinkes' : 'puskesmas';
      const nTargets = int(3, 4);
      const mainCount = int(1, 2);
      const labels = [];
      while (labels.length < nTargets) {
        const t = pick(TARGETS[kind]);
        if (!labels.includes(t)) labels.push(t);
      }
      const targets = labels.map(([label, base], i) => {
        const target = Math.max(4, Math.round(base * uniform(0.8, 1.2)));
        // Most planned results are met exactly as planned; the rest scatter around the person's performance.
        const ratio = clamp(normal(performance, 0.04), 0.6, 1.3);
        const exact = ratio >= 0.98 && ratio <= 1.1 && rng() < 0.6;
        const realisation = exact ? target : Math.max(0, Math.round(target * ratio));
        return { id: `skp-${i + 1}`, label, ...(i < mainCount ? { main: true } : {}), target, realisation };
      });

      // Agency indicators.
      const inputs = {};
      const diligence = clamp(normal(0.95, 0.04), 0.7, 1);
      if (unit.pack === 'kupang-dinkes') {
        const immunisation =
          /Imunisasi|Bidan|Perawat|Kepala Puskesmas|Epidemiolog|Penanggung Jawab UKM/.test(p.position) ||
          (unit.id === 'dinkes' && p.role === 'leader' && /Pencegahan/.test(p.position));
        if (immunisation) {
          // A Puskesmas person answers for a share of the catchment's infants (IDL); Dinkes staff for the city.
          const sasaran =
            unit.id === 'dinkes'
              ? 8120
              : p.role === 'staff'
                ? Math.round(unit.infants / int(3, 6))
                : unit.infants;
          const coverage = clamp(normal(0.905 * performance, 0.04), 0.7, 1);
          inputs['cakupan-imunisasi'] = {
            sasaran,
            capaian: Math.round(sasaran * coverage),
            targetCakupan: 90,
          };
        }
        const wajib = p.role === 'head' ? 4 : 12;
        inputs['laporan-tepat-waktu'] = {
          wajib,
          tepatWaktu: Math.min(wajib, Math.round(wajib * diligence + 0.3)),
        };
        const frontLine =
          unit.id !== 'dinkes'
            ? p.role !== 'leader' || /UKP/.test(p.position)
            : /Perizinan|Pelayanan/.test(p.position);
        if (frontLine && rng() < 0.85) {
          const diterima = int(2, 40);
          inputs['pengaduan-tertangani'] = {
            diterima,
            sesuaiStandar: Math.min(diterima, Math.round(diterima * clamp(normal(diligence, 0.05), 0.5, 1))),
          };
        }
      } else {
        const jumlahTugas = int(24, 110);
        inputs['tugas-tepat-waktu'] = {
          jumlahTugas,
          tepatWaktu: Math.min(jumlahTugas, Math.round(jumlahTugas * diligence)),
        };
        const standarHari = unit.letterDays;
        inputs['waktu-surat'] = {
          standarHari,
          rataHari:
            Math.round(standarHari * clamp(normal(1.02 - (diligence - 0.93), 0.12), 0.6, 2.2) * 10) / 10,
        };
        const labelsTeam = ['sangat kurang', 'kurang', 'cukup', 'baik', 'sangat baik'];
        // Peers also rate the contribution to the team's efficiency (kontribusi-tim), by label.
        for (const entry of feedback.filter((f) => f.role === 'peer')) {
          const isRelative = conflicts.some((c) => c.rater === entry.rater);
          const x = isRelative ? 5 : rate(behaviour + (performance - 1) * 4 + normal(0, 0.5));
          entry.team = labelsTeam[x - 1];
        }
      }

      // The supervisor's own direct ratings (what e-Kinerja records today). Work results: the national target
      // guide read by the supervisor, sometimes one step generous or strict; behaviour: the supervisor's impression.
      const shares = targets.map((t) => (t.realisation / t.target) * 100);
      const above = shares.filter((s) => s > 110).length / shares.length;
      const below = shares.filter((s) => s < 100).length / shares.length;
      const mainBelow = targets.filter((t, i) => t.main && shares[i] < 100).length;
      const mains = targets.filter((t) => t.main).length;
      let evidence = 'di-bawah';
      if (above > 0.5 && mainBelow === 0) evidence = 'di-atas';
      else if (below < 0.5 && mainBelow / mains < 0.5) evidence = 'sesuai';
      const roll = rng();
      let hasilKerja = roll < 0.08 ? step(evidence, 1) : roll < 0.12 ? step(evidence, -1) : evidence;
      let perilaku = levelOf(supervisorValues.reduce((a, b) => a + b, 0) / 7 + (rng() < 0.1 ? 0.5 : 0));
      if (scenario === 'lenient-supervisor') {
        hasilKerja = 'di-atas';
        perilaku = 'di-atas';
      }
      if (scenario === 'hostile-supervisor') perilaku = 'di-bawah';

      const yearsBack = rng() < 0.55 ? 2 : 1;
      const history = [];
      for (let k = 1; k <= yearsBack; k++) {
        const r = rng();
        history.push({
          year: 2025 - k,
          predicate: r < 0.12 ? 'Sangat Baik' : r < 0.93 ? 'Baik' : 'Butuh Perbaikan',
        });
      }

      employees.push({
        nip: p.nip,
        name: p.name,
        unit: unit.id,
        position: p.position,
        positionType: p.positionType,
        ...(p.functionalLevel ? { functionalLevel: p.functionalLevel } : {}),
        rank: p.rank,
        rankSince: p.rankSince,
        history,
        scenario: scenario ? [scenario] : [],
        targets,
        agency: inputs,
        feedback,
        ...(conflicts.length > 0 ? { conflicts } : {}),
        supervisorRatings: { 'hasil-kerja': hasilKerja, perilaku },
      });
    }
  }

  return {
    synthetic: true,
    note: 'SYNTHETIC data: no real person. Generated by generate.mjs (mulberry32, fixed seed); regenerate with `node generate.mjs`.',
    seed,
    period: { kind: 'annual', start: '2025-01-01', end: '2025-12-31' },
    values: VALUES,
    units: UNITS.map((u) => ({ id: u.id, name: u.name, short: u.short, pack: u.pack, size: u.size })),
    employees,
  };
}

/**
 * JSON laid out the way the repository's formatter (Biome, line width 110) lays it out, so `biome check --write`
 * leaves cohort.json as generated: an object or array stays on one line when that line fits, else one member per line.
 */
export function formatJson(value, width = 110) {
  const inline = (v) => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
    const keys = Object.keys(v);
    return keys.length === 0
      ? '{}'
      : `{ ${keys.map((k) => `${JSON.stringify(k)}: ${inline(v[k])}`).join(', ')} }`;
  };
  const print = (v, indent, prefix, suffix) => {
    const flat = inline(v);
    if (
      v === null ||
      typeof v !== 'object' ||
      indent + prefix.length + flat.length + suffix.length <= width
    ) {
      return `${' '.repeat(indent)}${prefix}${flat}${suffix}`;
    }
    const entries = Array.isArray(v)
      ? v.map((x) => ['', x])
      : Object.entries(v).map(([k, x]) => [`${JSON.stringify(k)}: `, x]);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    const lines = entries.map(([p, x], i) => print(x, indent + 2, p, i < entries.length - 1 ? ',' : ''));
    return `${' '.repeat(indent)}${prefix}${open}\n${lines.join('\n')}\n${' '.repeat(indent)}${close}${suffix}`;
  };
  return `${print(value, 0, '', '')}\n`;
}

/** The cohort as written to cohort.json. */
export function cohortText(seed = SEED) {
  return formatJson(generateCohort(seed));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('./cohort.json', import.meta.url));
  const text = cohortText();
  writeFileSync(out, text);
  const n = JSON.parse(text).employees.length;
  console.log(`wrote ${out}: ${n} synthetic employees, seed ${SEED}`);
}
