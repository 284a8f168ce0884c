/**
 * Catalog definitions, second half: books, jewelry, bags, furniture, garden and
 * pet supplies, plus the word banks book titles are made from.
 */
import { range, type, type CategoryDef } from './catalog-kit';

export const BOOKS: CategoryDef = {
  name: 'books',
  prefix: 'BOO',
  share: 90,
  brands: ['Bookmark Press', 'Inkwell House', 'Lantern Books', 'Quarry Lane'],
  colors: null,
  sizing: 'none',
  models: [],
  attrs: { format: ['Paperback', 'Paperback', 'Hardcover'], pages: range(160, 520, 4), language: ['English'] },
  finalSaleRate: 0.01,
  notes: ['A perfect gift for the reader in your life.', 'Printed on FSC-certified paper.', 'Book club discussion guide included.'],
  types: [
    type('Literary Novel', 'novel', [12, 32], { weight: 1.6, features: ['a sweeping story of three sisters and the orchard that binds them', 'a tender portrait of a small coastal town over one long summer', 'an intimate tale of friendship, grief and second chances'], use: 'literary fiction' }),
    type('Mystery Novel', 'mystery novel', [10, 28], { weight: 1.4, features: ['a twisty locked-room puzzle with a brilliant amateur sleuth', 'a detective racing to solve a decades-old disappearance', 'a village secret that refuses to stay buried'], use: 'mystery and crime' }),
    type('Science Fiction Novel', 'sci-fi novel', [12, 30], { features: ['a crew stranded at the edge of known space', 'a near-future thriller about memory and identity', 'a generation ship on the brink of mutiny'], use: 'science fiction' }),
    type('Cookbook', 'cookbook', [18, 45], { weight: 1.2, features: ['over 100 approachable recipes with step-by-step photos', 'weeknight dinners that come together in 30 minutes', 'seasonal menus built around the farmers market'], use: 'cooking' }),
    type('Field Guide', 'field guide', [14, 35], { features: ['detailed illustrations of more than 400 species', 'range maps and identification tips', 'a weatherproof cover for the trail'], use: 'nature and the outdoors' }),
    type("Children's Picture Book", 'picture book', [9, 22], { features: ['a brave little fox who learns to share', 'bright, playful illustrations on every page', 'a gentle bedtime story about the moon'], use: "children's books", attrs: { format: ['Hardcover', 'Board Book'], pages: range(24, 48, 4) } }),
    type('Biography', 'biography', [15, 38], { features: ['the remarkable life of a pioneering aviator', 'a candid look at an artist who changed modern design', 'unseen letters and photographs from the archives'], use: 'biography and memoir' }),
    type('Self-Help Book', 'self-help book', [12, 30], { features: ['practical habits for a calmer, more focused life', 'a science-backed guide to better sleep', 'simple exercises for building confidence'], use: 'self-improvement' }),
    type('Travel Guide', 'travel guide', [14, 32], { features: ['walking routes, maps and local favorites', 'where to eat, stay and explore on any budget', 'itineraries from a weekend to two weeks'], use: 'travel' }),
    type('Poetry Collection', 'poetry collection', [10, 25], { features: ['quiet poems about home, weather and belonging', 'a bold debut collection about city life', 'poems that move from grief to joy'], use: 'poetry', attrs: { pages: range(72, 160, 4) } }),
  ],
};

/** Title word banks per book type: a title is "<first> <second>". */
export const BOOK_TITLE_WORDS: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  'Literary Novel': [['The Quiet', 'The Last', 'A Winter', 'The Hidden', 'The Glass', 'Salt and', 'The Long', 'All the'], ['Orchard', 'Harbor', 'Letters', 'Lighthouse', 'Garden', 'River', 'Summer', 'Light']],
  'Mystery Novel': [['Murder at', 'Death on', 'The Secret of', 'Shadows over', 'The Case of', 'Silence at'], ['Blackwater Hall', 'the Night Train', 'Raven Cove', 'Marlow Street', 'the Vanishing Bride', 'Hollow Lane']],
  'Science Fiction Novel': [['The Stars of', 'Beyond', 'Echoes of', 'The Last Signal from', 'Children of', 'Drift'], ['Kepler', 'the Void', 'Europa', 'Meridian', 'the Outer Ring', 'Station Nine']],
  Cookbook: [['Weeknight', 'Slow', 'Plant-Based', 'Sunday', 'Coastal', 'Simple', 'Big Flavor'], ['Suppers', 'Baking', 'Kitchen', 'Bowls', 'Table', 'Feasts', 'Pasta']],
  'Field Guide': [['Birds of', 'Wildflowers of', 'Trees of', 'Mushrooms of', 'Butterflies of'], ['the Pacific Northwest', 'New England', 'the Rockies', 'the Great Lakes', 'the Southwest']],
  "Children's Picture Book": [['Little', 'Goodnight,', 'The Brave', 'Where Is', 'Hello,'], ['Fox', 'Moon', 'Bear', 'Puddle', 'Rainbow', 'Sleepy Owl']],
  Biography: [['Wings:', 'The Maker:', 'Against the Wind:', 'Bold Lines:'], ['A Life in the Air', 'The Story of a Design Icon', 'An American Life', 'A Portrait']],
  'Self-Help Book': [['The Calm', 'Small Steps,', 'The Focus', 'Sleep Better,', 'The Confident'], ['Mind', 'Big Change', 'Habit', 'Live Better', 'You']],
  'Travel Guide': [['Walking', '48 Hours in', 'Hidden', 'The Road Trip Guide to', 'Slow Travel:'], ['Lisbon', 'Kyoto', 'Scotland', 'the Pacific Coast', 'Patagonia', 'Iceland']],
  'Poetry Collection': [['Weather', 'Small', 'The City', 'Salt', 'Kitchen'], ['Songs', 'Hours', 'at Night', 'Light', 'Psalms']],
};

export const BOOK_AUTHORS: readonly string[] = [
  'Mara Ellison', 'Theo Okafor', 'Ines Delacroix', 'Jonah Whitfield', 'Priya Raman', 'Samuel Kwan', 'Lena Marsh', 'Diego Alvarado',
  'Hannah Brook', 'Yusuf Amari', 'Clara Lindqvist', 'Marcus Bell', 'Aiko Tanabe', 'Rosa Quintero', 'Elliot Graves', 'Nadia Petrova',
];

export const JEWELRY: CategoryDef = {
  name: 'jewelry',
  prefix: 'JEW',
  share: 70,
  brands: ['Lumen & Co', 'Auralis', 'Silverfinch', 'Goldcrest', 'Marlowe & Vine'],
  colors: ['Gold', 'Gold', 'Silver', 'Rose Gold'],
  sizing: 'none',
  models: ['Crescent', 'Aurora', 'Solstice', 'Petal', 'Halo', 'Ember', 'Luna', 'Willow'],
  attrs: { hypoallergenic: [true, true, false] },
  finalSaleRate: 0.16,
  notes: ['Arrives in a gift box with a polishing cloth.', 'Nickel-free and safe for sensitive skin.', 'Handcrafted in small batches.'],
  types: [
    type('Stud Earrings', 'earrings', [25, 250], { weight: 1.4, materials: ['sterling silver', '14k gold vermeil', 'solid 14k gold'], features: ['secure push backs', 'a polished finish', 'a minimalist silhouette'], use: 'everyday elegance', attrs: { gemstone: ['cubic zirconia', 'freshwater pearl', 'moissanite', 'opal', 'none'] } }),
    type('Pendant Necklace', 'necklace', [30, 300], { weight: 1.3, materials: ['sterling silver', '14k gold vermeil', 'solid 14k gold'], features: ['an adjustable chain', 'a spring-ring clasp', 'a delicate pendant'], use: 'layering or wearing alone', attrs: { chainLengthCm: [40, 45, 50], gemstone: ['none', 'diamond accent', 'sapphire', 'cubic zirconia'] } }),
    type('Stacking Ring', 'ring', [20, 200], { sizing: 'ring', materials: ['sterling silver', '14k gold vermeil', 'solid 14k gold'], features: ['a comfort-fit band', 'a hand-hammered texture', 'a slim profile made for stacking'], use: 'stacking and everyday wear' }),
    type('Charm Bracelet', 'bracelet', [25, 180], { materials: ['sterling silver', 'gold-plated brass'], features: ['an extender chain', 'three removable charms', 'a lobster clasp'], use: 'gifting and everyday wear', attrs: { lengthCm: [16, 18, 20] } }),
    type('Hoop Earrings', 'hoop earrings', [20, 150], { materials: ['sterling silver', '14k gold vermeil', 'gold-plated stainless steel'], features: ['hinged click closures', 'a lightweight hollow design', 'a high-shine finish'], use: 'day-to-night wear', attrs: { diameterMm: [15, 20, 30, 40] } }),
    type('Minimalist Watch', 'watch', [80, 400], { colors: ['Gold', 'Silver', 'Rose Gold', 'Black'], materials: ['stainless steel with a leather strap', 'stainless steel mesh'], features: ['sapphire-coated glass', 'a Japanese quartz movement', 'quick-release straps'], use: 'work and weekends', attrs: { waterResistance: ['3 ATM', '5 ATM'], caseMm: [36, 38, 40], warrantyMonths: [24] } }),
    type('Cufflinks', 'cufflinks', [30, 120], { colors: ['Silver', 'Gold'], materials: ['stainless steel', 'sterling silver'], features: ['a swivel bullet back', 'an engravable face', 'a brushed finish'], use: 'weddings and formal events' }),
    type('Signet Ring', 'signet ring', [60, 260], { sizing: 'ring', materials: ['sterling silver', 'solid 14k gold'], features: ['an engravable oval face', 'a substantial weight', 'a mirror polish'], use: 'a timeless personal touch' }),
  ],
};

export const BAGS: CategoryDef = {
  name: 'bags',
  prefix: 'BAG',
  share: 60,
  brands: ['Urbanline', 'Northpeak', 'Fjordic', 'Tinytrek', 'Carryall Co', 'Waymark'],
  colors: ['Black', 'Tan', 'Navy', 'Olive', 'Grey', 'Cognac', 'Burgundy'],
  sizing: 'none',
  models: ['Commuter', 'Voyager', 'Metro', 'Nomad', 'Daytrip', 'Transit', 'Atlas', 'Field'],
  finalSaleRate: 0.02,
  notes: ['Backed by our lifetime repair program.', 'Made with recycled and bluesign-approved materials.', 'Check the dimensions to confirm your laptop fits.'],
  types: [
    type('Laptop Backpack', 'backpack', [45, 160], { weight: 1.6, materials: ['recycled nylon', 'waxed canvas', 'ballistic polyester'], features: ['a padded laptop sleeve', 'a luggage pass-through', 'hidden anti-theft pockets'], use: 'commuting and business travel', attrs: { capacityL: [18, 22, 26, 30], laptopInches: [14, 15, 16, 17], waterResistant: [true, false] } }),
    type('Canvas Tote Bag', 'tote', [25, 120], { materials: ['heavy canvas', 'pebbled leather'], features: ['an interior zip pocket', 'reinforced handles', 'a magnetic closure'], use: 'errands, work and the beach', attrs: { capacityL: [15, 20, 25] } }),
    type('Duffel Bag', 'duffel bag', [45, 180], { materials: ['recycled polyester', 'waxed canvas with leather trim'], features: ['a separate shoe compartment', 'a detachable shoulder strap', 'lockable zippers'], use: 'weekend trips and the gym', attrs: { capacityL: [35, 45, 60], waterResistant: [true, false] } }),
    type('Crossbody Bag', 'crossbody bag', [30, 140], { materials: ['vegan leather', 'full-grain leather', 'nylon'], features: ['an adjustable strap', 'card slots', 'a secure zip top'], use: 'hands-free days out' }),
    type('Hiking Daypack', 'daypack', [40, 150], { materials: ['ripstop nylon'], features: ['a ventilated back panel', 'a hydration sleeve', 'hip-belt pockets'], use: 'day hikes and travel', attrs: { capacityL: [20, 25, 30], waterResistant: [true] } }),
    type('Messenger Bag', 'messenger bag', [40, 140], { materials: ['waxed canvas', 'ballistic nylon'], features: ['a quick-release buckle', 'a padded laptop compartment', 'an organizer panel'], use: 'city commutes by bike', attrs: { laptopInches: [13, 15] } }),
    type('Bifold Wallet', 'wallet', [20, 90], { colors: ['Black', 'Tan', 'Cognac', 'Brown'], materials: ['full-grain leather', 'vegetable-tanned leather'], features: ['RFID-blocking lining', 'six card slots', 'a slim profile'], use: 'everyday carry' }),
    type('Carry-On Suitcase', 'suitcase', [90, 350], { materials: ['polycarbonate hardshell', 'aluminum'], features: ['360-degree spinner wheels', 'a TSA-approved lock', 'a compression system'], use: 'flights and long weekends', attrs: { capacityL: [38, 40, 45], warrantyMonths: [60, 120] } }),
  ],
};

export const FURNITURE: CategoryDef = {
  name: 'furniture',
  prefix: 'FUR',
  share: 60,
  brands: ['Solace Home', 'Fjordic', 'Oakhurst', 'Linnea Living'],
  colors: ['Walnut', 'Oak', 'White', 'Charcoal', 'Natural', 'Slate Grey', 'Sage', 'Navy'],
  sizing: 'none',
  models: ['Oslo', 'Haven', 'Linden', 'Arden', 'Marlow', 'Sol', 'Nord', 'Ashby'],
  attrs: { assemblyRequired: [true, true, false], warrantyMonths: [12, 24, 60] },
  finalSaleRate: 0.03,
  notes: ['Ships flat-packed with all hardware and a hex key.', 'Solid wood will show natural variations in grain.', 'White-glove delivery available at checkout.'],
  types: [
    type('Accent Chair', 'accent chair', [150, 600], { materials: ['boucle upholstery on a solid oak frame', 'performance velvet', 'linen blend'], features: ['high-resilience foam cushions', 'tapered solid-wood legs', 'a supportive curved back'], use: 'reading corners and living rooms', attrs: { dimensionsCm: ['72 x 78 x 80', '68 x 75 x 84', '80 x 82 x 76'], maxLoadKg: [120, 136] } }),
    type('Bookshelf', 'bookshelf', [80, 350], { materials: ['solid oak', 'walnut veneer', 'powder-coated steel and pine'], features: ['adjustable shelves', 'an anti-tip wall kit', 'a clean open design'], use: 'books, plants and display pieces', attrs: { shelves: [4, 5], dimensionsCm: ['80 x 30 x 180', '60 x 28 x 150', '100 x 35 x 200'] } }),
    type('Coffee Table', 'coffee table', [90, 450], { materials: ['solid mango wood', 'oak veneer with steel legs', 'marble and brass'], features: ['a lower storage shelf', 'rounded corners', 'a protective lacquer'], use: 'living room gatherings', attrs: { dimensionsCm: ['110 x 60 x 42', '90 x 90 x 40', '120 x 55 x 45'] } }),
    type('Ergonomic Office Chair', 'office chair', [120, 550], { weight: 1.3, colors: ['Black', 'Grey', 'White'], materials: ['breathable mesh with an aluminum base'], features: ['adjustable lumbar support', '4D armrests', 'a synchro-tilt mechanism'], use: 'long workdays at home', attrs: { maxLoadKg: [120, 150], dimensionsCm: ['66 x 66 x 118'] } }),
    type('Standing Desk', 'standing desk', [250, 700], { materials: ['bamboo top on a steel frame', 'laminate top on a steel frame'], features: ['dual motors', 'four memory presets', 'an anti-collision sensor'], use: 'switching between sitting and standing', attrs: { heightRangeCm: ['65-130', '62-127'], maxLoadKg: [100, 120] } }),
    type('Nightstand', 'nightstand', [60, 250], { materials: ['solid pine', 'oak veneer', 'rattan and mango wood'], features: ['a soft-close drawer', 'an open shelf', 'a cable cutout'], use: 'bedside storage', attrs: { dimensionsCm: ['45 x 35 x 55', '50 x 40 x 60'] } }),
    type('Counter Bar Stool', 'bar stool', [60, 200], { materials: ['powder-coated steel with a wood seat', 'upholstered faux leather'], features: ['a footrest', 'felt floor protectors', 'a 360-degree swivel'], use: 'kitchen islands and breakfast bars', attrs: { seatHeightCm: [65, 75], maxLoadKg: [110, 130] } }),
    type('Three-Seat Sofa', 'sofa', [600, 2000], { weight: 0.7, materials: ['performance linen on a kiln-dried hardwood frame', 'stain-resistant velvet'], features: ['removable, washable covers', 'feather-wrapped cushions', 'a deep seat'], use: 'movie nights and lazy Sundays', attrs: { dimensionsCm: ['220 x 95 x 85', '200 x 92 x 82'], assemblyRequired: [false] } }),
    type('TV Stand', 'TV stand', [90, 400], { materials: ['walnut veneer', 'solid oak', 'engineered wood'], features: ['cable management cutouts', 'sliding doors', 'adjustable shelves'], use: 'media rooms and living rooms', attrs: { dimensionsCm: ['150 x 40 x 50', '180 x 42 x 55'], maxLoadKg: [45, 60] } }),
  ],
};

export const GARDEN: CategoryDef = {
  name: 'garden',
  prefix: 'GAR',
  share: 60,
  brands: ['Greenhaven', 'Brightleaf', 'Rootstock', 'Fernwood Tools'],
  colors: ['Green', 'Terracotta', 'Black', 'Natural', 'Charcoal', 'Sage'],
  sizing: 'none',
  models: ['Meadow', 'Harvest', 'Bramble', 'Willow', 'Fern', 'Sprout', 'Orchard'],
  attrs: { weatherResistant: [true, true, false] },
  finalSaleRate: 0.02,
  notes: ['Tested through a full season in our community garden.', 'Store indoors over winter to extend its life.', 'Made with recycled materials.'],
  types: [
    type('Raised Garden Bed', 'raised bed', [50, 250], { materials: ['untreated cedar', 'galvanized steel'], features: ['tool-free assembly', 'an open bottom for drainage', 'rot-resistant corners'], use: 'vegetables, herbs and flowers', attrs: { dimensionsCm: ['120 x 60 x 30', '180 x 90 x 40', '240 x 120 x 30'] } }),
    type('Bypass Pruning Shears', 'pruning shears', [15, 60], { materials: ['SK5 carbon steel with fiberglass handles'], features: ['a precision-ground blade', 'a safety lock', 'a sap groove'], use: 'clean cuts on branches up to 2 cm', attrs: { cutCapacityMm: [20, 25] } }),
    type('Expandable Garden Hose', 'garden hose', [25, 90], { materials: ['triple-layer latex core'], features: ['a 10-pattern spray nozzle', 'solid brass fittings', 'a kink-free design'], use: 'watering beds and washing the car', attrs: { lengthFt: [25, 50, 100] } }),
    type('Outdoor String Lights', 'string lights', [20, 70], { materials: ['shatterproof LED bulbs on a weatherproof cord'], features: ['warm white Edison-style bulbs', 'a dimmer remote', 'connectable strands'], use: 'patios and backyard parties', attrs: { lengthFt: [24, 48], bulbs: [15, 25] } }),
    type('Ceramic Planter', 'planter', [15, 90], { materials: ['glazed ceramic', 'terracotta', 'recycled plastic'], features: ['a drainage hole with a plug', 'a matching saucer', 'a frost-resistant glaze'], use: 'indoor and patio plants', attrs: { diameterCm: [20, 30, 40] } }),
    type('Wild Bird Feeder', 'bird feeder', [15, 60], { materials: ['powder-coated steel', 'cedar'], features: ['a squirrel-resistant cage', 'a weatherproof roof', 'easy-fill access'], use: 'bringing songbirds to your yard', attrs: { capacityKg: [1, 2] } }),
    type('Compost Bin', 'compost bin', [40, 180], { materials: ['UV-stabilized recycled plastic'], features: ['a dual-chamber tumbler', 'aeration vents', 'a lockable lid'], use: 'turning kitchen scraps into soil', attrs: { capacityL: [80, 160, 300] } }),
    type('Metal Watering Can', 'watering can', [12, 45], { materials: ['galvanized steel', 'powder-coated steel'], features: ['a removable brass rose', 'a balanced handle', 'a long spout'], use: 'seedlings and container plants', attrs: { capacityL: [5, 7, 9] } }),
    type('Solar Path Lights', 'path lights', [20, 60], { materials: ['stainless steel and glass'], features: ['dusk-to-dawn sensors', 'no wiring needed', 'a warm glow'], use: 'lighting walkways and borders', attrs: { pieces: [6, 8, 12], batteryLifeHours: range(6, 10) } }),
    type('Garden Kneeler and Seat', 'garden kneeler', [20, 50], { materials: ['steel frame with an EVA foam pad'], features: ['a flip-over seat', 'two tool pouches', 'a foldable frame'], use: 'easier weeding and planting', attrs: { maxLoadKg: [120, 150] } }),
  ],
};

export const PET_SUPPLIES: CategoryDef = {
  name: 'pet supplies',
  prefix: 'PET',
  share: 60,
  brands: ['Petwise', 'Pawsome Co', 'Whisker & Tail', 'Fetchley'],
  colors: ['Red', 'Blue', 'Black', 'Orange', 'Teal', 'Grey', 'Sage'],
  sizing: 'none',
  models: ['Cozy', 'Trail', 'Snooze', 'Romp', 'Buddy', 'Classic', 'Explorer'],
  finalSaleRate: 0.02,
  notes: ['Vet-recommended design.', 'Machine-washable parts where noted.', 'Always supervise pets with new toys and gear.'],
  types: [
    type('Orthopedic Dog Bed', 'dog bed', [30, 150], { sizing: 'pet', materials: ['memory foam with a washable microfiber cover'], features: ['a bolstered edge', 'a non-slip base', 'a removable cover'], use: 'senior dogs and deep sleepers', attrs: { petType: ['dog'] } }),
    type('Cat Tree', 'cat tree', [50, 200], { materials: ['sisal-wrapped posts and plush platforms'], features: ['a hideaway condo', 'dangling toys', 'a sturdy wide base'], use: 'climbing, scratching and napping', attrs: { petType: ['cat'], heightCm: [90, 120, 150] } }),
    type('Padded Dog Collar', 'dog collar', [10, 35], { sizing: 'pet', materials: ['nylon webbing', 'leather'], features: ['a quick-release buckle', 'a soft neoprene lining', 'reflective stitching'], use: 'daily walks', attrs: { petType: ['dog'] } }),
    type('Reflective Dog Leash', 'leash', [12, 40], { materials: ['rope with reflective threads', 'nylon webbing'], features: ['a padded handle', 'a traffic handle', 'a locking carabiner'], use: 'city walks and night outings', attrs: { petType: ['dog'], lengthFt: [4, 6] } }),
    type('No-Pull Dog Harness', 'harness', [20, 60], { sizing: 'pet', materials: ['breathable air mesh'], features: ['front and back leash clips', 'four adjustment points', 'a grab handle'], use: 'dogs that pull on walks', attrs: { petType: ['dog'] } }),
    type('Covered Litter Box', 'litter box', [25, 70], { materials: ['odor-resistant plastic'], features: ['a swinging door', 'a carbon filter', 'a high-sided tray'], use: 'tidy, odor-free homes', attrs: { petType: ['cat'] } }),
    type('Stainless Steel Bowl Set', 'bowl set', [12, 40], { materials: ['stainless steel with a bamboo stand'], features: ['non-slip silicone feet', 'an elevated stand', 'dishwasher-safe bowls'], use: 'mealtimes', attrs: { petType: ['dog', 'cat'], capacityL: [0.5, 0.9, 1.5] } }),
    type('Durable Chew Toy', 'chew toy', [6, 25], { materials: ['natural rubber'], features: ['a treat-dispensing center', 'a bouncy shape', 'a tough, non-toxic build'], use: 'power chewers', attrs: { petType: ['dog'] } }),
    type('Automatic Pet Feeder', 'pet feeder', [50, 150], { colors: ['White', 'Black'], materials: ['BPA-free plastic with a stainless bowl'], features: ['app scheduling', 'portion control', 'battery backup'], use: 'busy schedules and weekends away', attrs: { petType: ['dog', 'cat'], capacityL: [4, 6], warrantyMonths: [12] } }),
    type('Sisal Scratching Post', 'scratching post', [20, 60], { materials: ['natural sisal on a wood base'], features: ['a weighted base', 'a dangling pom-pom', 'a carpeted top perch'], use: 'saving your sofa', attrs: { petType: ['cat'], heightCm: [60, 80] } }),
  ],
};
