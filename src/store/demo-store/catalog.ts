/**
 * The demo catalog: 13 categories, each with its brands, colors, sizing, price
 * ranges per product type and the vocabulary that titles and descriptions are
 * built from. Half of the categories live here, the rest in catalog-more.ts.
 */
import { GENDERED, GENDERED_UNISEX, range, type, type CategoryDef } from './catalog-kit';
import { BAGS, BOOKS, FURNITURE, GARDEN, JEWELRY, PET_SUPPLIES } from './catalog-more';

const APPAREL_COLORS = ['Black', 'Navy', 'Heather Grey', 'Olive', 'Burgundy', 'White', 'Sand', 'Forest Green', 'Charcoal', 'Sky Blue', 'Blush Pink', 'Rust'];

const CLOTHING: CategoryDef = {
  name: 'clothing',
  prefix: 'CLO',
  share: 170,
  brands: ['Northpeak', 'Urbanline', 'Fjordic', 'Brightleaf', 'Harbor Thread', 'Cotton & Crane', 'Maple Row'],
  colors: APPAREL_COLORS,
  sizing: 'apparel',
  models: ['Essential', 'Everyday', 'Heritage', 'Alpine', 'Coastline', 'Trailhead', 'Classic', 'Studio', 'Weekend', 'Harbor'],
  attrs: { fit: ['regular', 'regular', 'slim', 'relaxed'], care: ['machine wash cold', 'machine wash cold, tumble dry low', 'machine wash warm'] },
  finalSaleRate: 0.02,
  notes: ['Designed to keep its shape wash after wash.', 'Made in a Fair Trade Certified factory.', 'Check the size chart: the model wears a size M.', 'Part of our responsible materials program.'],
  types: [
    type('T-Shirt', 'T-shirt', [14, 35], { gender: GENDERED_UNISEX, weight: 1.6, materials: ['organic cotton', 'cotton jersey', 'slub cotton', 'recycled cotton blend'], features: ['a relaxed crew neck', 'double-stitched hems', 'a tag-free collar', 'pre-shrunk fabric'], use: 'everyday layering' }),
    type('Hoodie', 'hoodie', [35, 80], { gender: GENDERED_UNISEX, weight: 1.3, materials: ['brushed fleece', 'cotton French terry'], features: ['a lined hood with flat drawcords', 'a kangaroo pocket', 'ribbed cuffs', 'a soft brushed interior'], use: 'cool mornings and lazy weekends' }),
    type('Merino Crew Sweater', 'sweater', [45, 120], { gender: GENDERED, materials: ['merino wool', 'lambswool blend', 'cashmere blend'], features: ['a fine-gauge knit', 'ribbed trims', 'naturally odor-resistant fibres', 'a classic crew neck'], use: 'layering from fall to spring', attrs: { care: ['hand wash cold, lay flat to dry'] } }),
    type('Slim Chino Pants', 'chinos', [40, 85], { gender: GENDERED, materials: ['stretch cotton twill'], features: ['a hidden stretch waistband', 'a tapered leg', 'deep front pockets'], use: 'the office and the weekend' }),
    type('Straight Leg Jeans', 'jeans', [45, 110], { gender: GENDERED, weight: 1.2, colors: ['Indigo', 'Light Wash', 'Black', 'Mid Blue'], materials: ['stretch denim', 'rigid selvedge denim', 'organic cotton denim'], features: ['a mid-rise waist', 'a straight leg', 'reinforced rivets', 'a five-pocket design'], use: 'everyday wear' }),
    type('Rain Jacket', 'rain jacket', [70, 180], { gender: GENDERED, materials: ['recycled nylon ripstop', '2.5-layer waterproof shell'], features: ['taped seams', 'an adjustable storm hood', 'pit zips for ventilation', 'a packable design'], use: 'wet commutes and trail days', attrs: { waterproof: [true] } }),
    type('Puffer Jacket', 'puffer jacket', [90, 250], { gender: GENDERED, materials: ['recycled polyester with 650-fill down', 'recycled synthetic insulation'], features: ['a packable design', 'a water-repellent finish', 'zippered hand pockets', 'an insulated hood'], use: 'cold winter days' }),
    type('Flannel Shirt', 'flannel shirt', [30, 65], { gender: GENDERED, materials: ['brushed cotton flannel'], features: ['a button-down collar', 'two chest pockets', 'a classic plaid', 'a curved hem'], use: 'crisp autumn weekends' }),
    type('High-Rise Leggings', 'leggings', [25, 75], { gender: ["Women's"], materials: ['four-way stretch nylon', 'recycled polyester blend'], features: ['a high waistband', 'a hidden key pocket', 'squat-proof fabric', 'flatlock seams'], use: 'yoga, runs and the gym' }),
    type('Running Shorts', 'running shorts', [20, 45], { gender: GENDERED, tags: ['running'], materials: ['lightweight recycled polyester'], features: ['a built-in liner', 'a zip back pocket', 'reflective details', 'split side hems'], use: 'hot-weather runs' }),
    type('Polo Shirt', 'polo shirt', [25, 55], { gender: GENDERED, materials: ['cotton pique', 'performance jersey'], features: ['a two-button placket', 'a ribbed collar', 'side vents'], use: 'golf days and casual Fridays' }),
    type('Wrap Dress', 'dress', [40, 120], { singular: true, gender: ["Women's"], materials: ['viscose crepe', 'linen blend', 'cotton poplin'], features: ['an adjustable tie waist', 'a flattering V-neck', 'hidden side pockets'], use: 'brunch, work and summer evenings' }),
    type('Fleece Pullover', 'fleece pullover', [40, 90], { gender: GENDERED_UNISEX, materials: ['recycled polyester fleece'], features: ['a quarter zip', 'a stand-up collar', 'a zippered chest pocket'], use: 'chilly hikes and campfires' }),
    type('Merino Running Socks 3-Pack', 'running socks', [14, 30], { gender: GENDERED_UNISEX, tags: ['running'], colors: ['Black', 'White', 'Grey', 'Navy'], materials: ['merino wool blend'], features: ['cushioned heels and toes', 'arch compression', 'seamless toes'], use: 'running and hiking in any weather' }),
  ],
};

const SHOES: CategoryDef = {
  name: 'shoes',
  prefix: 'SHO',
  share: 120,
  brands: ['Stridewell', 'Northpeak', 'Urbanline', 'Fjordic', 'Trailmark', 'Pacefield'],
  colors: ['Blue', 'Black', 'Red', 'Grey', 'White', 'Navy', 'Coral', 'Volt Green', 'Teal', 'Orange'],
  sizing: 'shoe',
  models: ['Tempo', 'Ridge', 'Glide', 'Summit', 'Velocity', 'Pace', 'Trailblazer', 'Cloudstep', 'Nimbus', 'Strider', 'Drift', 'Apex'],
  attrs: { width: ['regular', 'regular', 'regular', 'wide'] },
  finalSaleRate: 0.02,
  notes: ['Fits true to size; wide-footed shoppers may prefer the wide option.', 'Removable insole fits most orthotics.', 'Backed by our 60-day comfort promise.', 'Vegan construction: no animal-derived materials.'],
  types: [
    type('Trail Running Shoes', 'trail running shoes', [55, 150], { gender: GENDERED, weight: 2, tags: ['running', 'trail'], materials: ['engineered mesh', 'ripstop mesh with TPU overlays'], features: ['a cushioned EVA midsole', 'a grippy lugged outsole', 'a protective rock plate', 'a gusseted tongue'], use: 'long runs on mixed terrain', attrs: { dropMm: [4, 6, 8], waterproof: [true, false, false], weightGrams: range(250, 340, 5) } }),
    type('Road Running Shoes', 'running shoes', [50, 160], { gender: GENDERED, weight: 2.6, tags: ['running'], materials: ['engineered mesh', 'breathable knit'], features: ['a responsive foam midsole', 'a breathable knit upper', 'a durable rubber outsole', 'reflective heel tabs'], use: 'daily training and race day', attrs: { dropMm: [6, 8, 10, 12], weightGrams: range(220, 300, 5) } }),
    type('Walking Shoes', 'walking shoes', [45, 110], { gender: GENDERED, materials: ['knit', 'leather and mesh'], features: ['a supportive footbed', 'a slip-resistant outsole', 'a padded collar'], use: 'all-day walking' }),
    type('Hiking Boots', 'hiking boots', [80, 220], { gender: GENDERED, colors: ['Brown', 'Tan', 'Black', 'Olive', 'Grey'], materials: ['full-grain leather', 'suede and mesh'], features: ['a waterproof membrane', 'deep multidirectional lugs', 'a padded ankle collar', 'a stiff shank for stability'], use: 'rugged trails and wet weather', attrs: { waterproof: [true], weightGrams: range(450, 650, 10) } }),
    type('Leather Sneakers', 'sneakers', [60, 140], { gender: GENDERED, colors: ['White', 'Black', 'Tan', 'Off-White', 'Navy'], materials: ['full-grain leather', 'vegan leather'], features: ['a cupsole with stitched sidewalls', 'a cushioned insole', 'waxed laces'], use: 'everyday wear' }),
    type('Canvas Sneakers', 'canvas sneakers', [35, 75], { gender: GENDERED_UNISEX, materials: ['organic cotton canvas'], features: ['a vulcanized rubber sole', 'metal eyelets', 'a padded collar'], use: 'easy summer days' }),
    type('Chelsea Boots', 'Chelsea boots', [90, 200], { gender: GENDERED, colors: ['Brown', 'Black', 'Tan', 'Dark Brown'], materials: ['suede', 'full-grain leather'], features: ['elastic side panels', 'a pull tab', 'a stacked heel'], use: 'city days and nights out' }),
    type('Sport Sandals', 'sandals', [25, 70], { gender: GENDERED_UNISEX, materials: ['recycled EVA', 'leather straps'], features: ['a contoured footbed', 'adjustable straps', 'a quick-dry lining'], use: 'summer days and beach trips' }),
    type('Training Shoes', 'training shoes', [50, 120], { gender: GENDERED, materials: ['engineered mesh', 'knit'], features: ['a stable flat heel', 'lateral support', 'a flexible forefoot'], use: 'gym workouts and HIIT' }),
    type('Suede Loafers', 'loafers', [55, 130], { gender: GENDERED, colors: ['Brown', 'Navy', 'Tan', 'Black'], materials: ['suede', 'leather'], features: ['a cushioned footbed', 'a flexible rubber sole', 'a hand-sewn moc toe'], use: 'smart-casual days' }),
  ],
};

const ELECTRONICS: CategoryDef = {
  name: 'electronics',
  prefix: 'ELE',
  share: 130,
  brands: ['Voltix', 'Auralis', 'Lumen & Co', 'Pixelforge', 'Quanta', 'Nimbus Audio'],
  colors: ['Black', 'White', 'Graphite', 'Silver', 'Midnight Blue', 'Sage'],
  sizing: 'none',
  models: ['Pulse', 'Echo', 'Nova', 'Flux', 'Orbit', 'Aero', 'Wave', 'Spark', 'Halo', 'Vector'],
  modelNumbers: true,
  attrs: { warrantyMonths: [12, 12, 24, 24, 36] },
  finalSaleRate: 0.01,
  notes: ['Includes a USB-C cable and quick-start guide.', 'Firmware updates add features over time.', 'Covered by our extended support plan.', 'Ships with recyclable, plastic-free packaging.'],
  types: [
    type('Wireless Earbuds', 'wireless earbuds', [29, 199], { weight: 1.8, materials: ['matte polycarbonate'], features: ['active noise cancellation', 'a pocket-size charging case', 'touch controls', 'multipoint pairing'], use: 'commutes, workouts and calls', attrs: { batteryLifeHours: range(18, 40, 2), connectivity: ['Bluetooth 5.3', 'Bluetooth 5.2'], waterResistance: ['IPX4', 'IPX5', 'IPX7'] } }),
    type('Over-Ear Headphones', 'headphones', [49, 349], { weight: 1.4, materials: ['aluminum and protein leather'], features: ['plush memory-foam ear cushions', 'adaptive noise cancellation', 'a foldable design', 'USB-C fast charging'], use: 'focus, travel and long listening sessions', attrs: { batteryLifeHours: range(20, 60, 5), connectivity: ['Bluetooth 5.3', 'Bluetooth 5.0 and 3.5 mm jack'] } }),
    type('Bluetooth Speaker', 'speaker', [25, 200], { materials: ['woven fabric and rubberized plastic'], features: ['360-degree sound', 'a built-in speakerphone', 'stereo pairing'], use: 'picnics, showers and parties', attrs: { batteryLifeHours: range(8, 24, 2), waterResistance: ['IPX5', 'IPX7', 'IP67'] } }),
    type('Smartwatch', 'smartwatch', [79, 399], { weight: 1.2, materials: ['aluminum case with a silicone band', 'stainless steel case'], features: ['heart-rate and sleep tracking', 'built-in GPS', 'an always-on AMOLED display', 'contactless payments'], use: 'training and everyday health tracking', attrs: { batteryLifeDays: range(2, 14), waterResistance: ['5 ATM'] } }),
    type('Fitness Tracker', 'fitness tracker', [39, 149], { materials: ['silicone band'], features: ['step and sleep tracking', 'a bright touch display', 'smartphone notifications'], use: 'staying active every day', attrs: { batteryLifeDays: range(5, 14), waterResistance: ['5 ATM'] } }),
    type('Portable Power Bank', 'power bank', [19, 79], { materials: ['aluminum alloy shell'], features: ['USB-C power delivery', 'two charging ports', 'pass-through charging'], use: 'travel days and long commutes', attrs: { capacityMah: [5000, 10000, 20000, 26800] } }),
    type('USB-C Wall Charger', 'charger', [15, 59], { materials: ['fire-resistant polycarbonate'], features: ['gallium-nitride (GaN) circuitry', 'foldable prongs', 'two USB-C ports'], use: 'fast charging laptops and phones', attrs: { wattage: [20, 30, 45, 65, 100] } }),
    type('E-Reader', 'e-reader', [99, 249], { materials: ['soft-touch plastic'], features: ['a glare-free display', 'an adjustable warm light', 'weeks of battery life'], use: 'reading anywhere, even in bright sun', attrs: { screenInches: [6, 6.8, 7], storageGb: [16, 32], batteryLifeDays: range(28, 70, 7) } }),
    type('HD Webcam', 'webcam', [35, 150], { materials: ['matte plastic with a glass lens'], features: ['dual noise-reducing microphones', 'auto light correction', 'a privacy shutter'], use: 'video calls and streaming', attrs: { resolution: ['1080p', '1440p', '4K'] } }),
    type('Mechanical Keyboard', 'keyboard', [49, 179], { materials: ['aluminum top plate with PBT keycaps'], features: ['hot-swappable switches', 'per-key backlighting', 'a detachable USB-C cable'], use: 'typing and gaming', attrs: { switchType: ['tactile brown', 'linear red', 'clicky blue'], connectivity: ['USB-C', 'Bluetooth 5.1 and USB-C'] } }),
    type('Wireless Mouse', 'mouse', [15, 89], { materials: ['textured plastic'], features: ['a sculpted ergonomic shape', 'silent clicks', 'a precision optical sensor'], use: 'work and light gaming', attrs: { dpi: [1600, 4000, 8000], batteryLifeDays: range(30, 90, 10) } }),
    type('Action Camera', 'action camera', [99, 349], { materials: ['rugged polycarbonate housing'], features: ['horizon-leveling stabilization', 'a front selfie screen', 'voice control'], use: 'biking, surfing and travel', attrs: { resolution: ['4K at 60 fps', '5.3K at 30 fps'], waterResistance: ['waterproof to 10 m'] } }),
  ],
};

const HOME_KITCHEN: CategoryDef = {
  name: 'home & kitchen',
  prefix: 'HOM',
  share: 120,
  brands: ['Kitchara', 'Solace Home', 'Lumen & Co', 'Brightleaf', 'Copperleaf', 'Hearthwell'],
  colors: ['Stainless Steel', 'Matte Black', 'White', 'Sage', 'Copper', 'Cream', 'Charcoal', 'Navy'],
  sizing: 'none',
  models: ['Pro', 'Classic', 'Artisan', 'Everyday', 'Signature', 'Heritage', 'Studio', 'Prime'],
  finalSaleRate: 0.02,
  notes: ['Backed by a two-year warranty.', 'Thoughtfully designed in our Portland test kitchen.', 'Easy to clean and built for daily use.', 'Pairs well with the rest of the collection.'],
  types: [
    type('Blender', 'blender', [39, 199], { materials: ['a BPA-free Tritan jar with stainless steel blades'], features: ['a vortex blade assembly', 'five speed settings', 'a pulse function', 'a self-cleaning mode'], use: 'smoothies, soups and sauces', attrs: { wattage: [600, 900, 1200, 1500], capacityL: [1.2, 1.5, 2], dishwasherSafe: [true], warrantyMonths: [24, 36] } }),
    type("Chef's Knife", "chef's knife", [25, 150], { singular: true, colors: null, materials: ['German stainless steel', 'Damascus steel', 'high-carbon Japanese steel'], features: ['a full-tang handle', 'a razor-sharp 15-degree edge', 'a balanced grip'], use: 'everyday prep', attrs: { bladeInches: [7, 8, 10], dishwasherSafe: [false] } }),
    type('Non-Stick Frying Pan', 'frying pan', [20, 90], { materials: ['hard-anodized aluminum', 'ceramic-coated aluminum'], features: ['a PFOA-free non-stick coating', 'a stay-cool handle', 'an induction-ready base'], use: 'eggs, pancakes and quick sautés', attrs: { diameterCm: [20, 24, 28], ovenSafeC: [180, 230], dishwasherSafe: [true, false] } }),
    type('Cast Iron Skillet', 'skillet', [25, 80], { colors: ['Black'], materials: ['pre-seasoned cast iron'], features: ['a helper handle', 'pour spouts on both sides', 'excellent heat retention'], use: 'searing, baking and campfire cooking', attrs: { diameterCm: [25, 30], dishwasherSafe: [false] } }),
    type('Drip Coffee Maker', 'coffee maker', [35, 250], { materials: ['stainless steel and BPA-free plastic'], features: ['a programmable timer', 'a thermal carafe', 'a brew-strength selector'], use: 'better mornings', attrs: { capacityCups: [8, 10, 12], warrantyMonths: [12, 24] } }),
    type('Electric Kettle', 'kettle', [25, 90], { materials: ['brushed stainless steel', 'borosilicate glass'], features: ['variable temperature presets', 'a keep-warm function', 'auto shut-off'], use: 'tea, pour-over and instant meals', attrs: { capacityL: [1, 1.7], wattage: [1500], warrantyMonths: [12, 24] } }),
    type('Dutch Oven', 'Dutch oven', [50, 300], { materials: ['enameled cast iron'], features: ['a self-basting lid', 'an even-heating base', 'a chip-resistant enamel'], use: 'braises, stews and bread', attrs: { capacityL: [3.8, 5.2, 6.7], ovenSafeC: [260] } }),
    type('Stand Mixer', 'stand mixer', [199, 449], { weight: 0.6, materials: ['die-cast metal'], features: ['ten speeds', 'a tilt-head design', 'a dough hook, whisk and paddle'], use: 'baking bread, cakes and cookies', attrs: { wattage: [500, 800], capacityL: [4.5, 5.5], warrantyMonths: [24, 60] } }),
    type('Bath Towel Set', 'towel set', [25, 80], { materials: ['Turkish cotton', 'organic cotton terry'], features: ['plush 600 gsm loops', 'a quick-dry weave', 'double-stitched edges'], use: 'a spa feel at home', attrs: { pieces: [4, 6, 8] } }),
    type('Duvet Cover Set', 'duvet cover', [45, 150], { materials: ['percale cotton', 'washed linen', 'cotton sateen'], features: ['hidden button closures', 'corner ties', 'two matching shams'], use: 'cool, restful sleep', attrs: { bedSize: ['Full/Queen', 'King'] } }),
    type('Glass Food Storage Set', 'storage containers', [20, 60], { colors: null, materials: ['borosilicate glass with BPA-free lids'], features: ['snap-lock lids', 'stackable shapes', 'oven- and freezer-safe bases'], use: 'meal prep and leftovers', attrs: { pieces: [10, 18, 24], dishwasherSafe: [true] } }),
    type('Table Lamp', 'table lamp', [30, 120], { materials: ['brushed brass', 'ceramic', 'matte metal'], features: ['a dimmable LED bulb', 'a linen shade', 'a USB charging port in the base'], use: 'bedside reading and cozy evenings', attrs: { heightCm: [40, 48, 55] } }),
  ],
};

const BEAUTY: CategoryDef = {
  name: 'beauty',
  prefix: 'BEA',
  share: 90,
  brands: ['Brightleaf', 'Auralis', 'Lumen & Co', 'Velvetine', 'Dewdrop Lab', 'Botanica Rue'],
  colors: null,
  sizing: 'none',
  models: ['Glow', 'Daily', 'Pure', 'Bloom', 'Dew', 'Radiance', 'Calm', 'Silk'],
  attrs: { vegan: [true, true, false], crueltyFree: [true] },
  finalSaleRate: 0.12,
  notes: ['Dermatologist tested.', 'Free from parabens and synthetic fragrance.', 'Patch test before first use.', 'Packaged in recycled materials.'],
  types: [
    type('Hydrating Face Serum', 'face serum', [15, 70], { weight: 1.3, materials: ['hyaluronic acid and niacinamide'], features: ['hyaluronic acid', 'niacinamide', 'a lightweight, fast-absorbing texture'], use: 'morning and night routines', attrs: { volumeMl: [30, 50], skinType: ['all', 'dry', 'oily', 'combination', 'sensitive'] } }),
    type('Daily Moisturizer', 'moisturizer', [12, 60], { materials: ['ceramides and squalane'], features: ['ceramides', 'squalane', 'a non-greasy finish'], use: 'all-day hydration', attrs: { volumeMl: [50, 75], skinType: ['all', 'dry', 'sensitive'] } }),
    type('Matte Lipstick', 'lipstick', [9, 35], { colors: ['Rosewood', 'Berry', 'Nude', 'Coral', 'Classic Red', 'Mauve'], materials: ['shea butter and vitamin E'], features: ['a long-wear formula', 'a creamy matte finish', 'nourishing shea butter'], use: 'everyday color that lasts' }),
    type('Sulfate-Free Shampoo', 'shampoo', [8, 30], { materials: ['argan oil and rice protein'], features: ['a sulfate-free formula', 'argan oil', 'a rich lather'], use: 'soft, shiny hair', attrs: { volumeMl: [250, 400], hairType: ['all', 'curly', 'fine', 'color-treated'] } }),
    type('Repair Conditioner', 'conditioner', [8, 30], { materials: ['shea butter and keratin'], features: ['a detangling formula', 'shea butter', 'a fresh botanical scent'], use: 'smooth, manageable hair', attrs: { volumeMl: [250, 400], hairType: ['all', 'curly', 'dry'] } }),
    type('Body Lotion', 'body lotion', [10, 35], { materials: ['oat extract and cocoa butter'], features: ['colloidal oat', 'cocoa butter', 'a fast-absorbing feel'], use: 'dry skin after the shower', attrs: { volumeMl: [200, 400], scent: ['unscented', 'vanilla', 'coconut', 'lavender'] } }),
    type('Mineral Sunscreen', 'sunscreen', [10, 35], { materials: ['non-nano zinc oxide'], features: ['broad-spectrum protection', 'water resistance up to 80 minutes', 'no white cast'], use: 'daily sun protection', attrs: { spf: [30, 50], volumeMl: [50, 100] } }),
    type('Eau de Parfum', 'perfume', [40, 150], { singular: true, materials: ['fine fragrance oils'], features: ['long-lasting notes', 'a refillable glass bottle', 'a soft, skin-close trail'], use: 'day into night', attrs: { volumeMl: [30, 50, 100], scent: ['citrus and vetiver', 'amber and vanilla', 'fig and cedar', 'rose and oud', 'sea salt and sage'] } }),
    type('Ionic Hair Dryer', 'hair dryer', [30, 180], { colors: ['Black', 'White', 'Rose Gold'], materials: ['heat-resistant plastic'], features: ['ionic frizz control', 'a cool-shot button', 'a concentrator nozzle and diffuser'], use: 'fast, smooth blowouts', attrs: { wattage: [1600, 1875, 2000], heatSettings: [3], warrantyMonths: [24] } }),
    type('Makeup Brush Set', 'brush set', [15, 60], { materials: ['synthetic vegan bristles'], features: ['soft tapered bristles', 'weighted handles', 'a travel roll'], use: 'flawless everyday makeup', attrs: { pieces: [8, 12, 15] } }),
  ],
};

const SPORTS: CategoryDef = {
  name: 'sports & outdoors',
  prefix: 'SPO',
  share: 90,
  brands: ['Northpeak', 'Fjordic', 'Stridewell', 'Summitline', 'Ridgeback Gear', 'Tinytrek'],
  colors: ['Black', 'Blue', 'Red', 'Orange', 'Green', 'Grey', 'Purple', 'Teal'],
  sizing: 'none',
  models: ['Basecamp', 'Ridge', 'Alpine', 'Summit', 'Trail', 'Core', 'Venture', 'Horizon'],
  finalSaleRate: 0.02,
  notes: ['Field-tested by our outdoor team.', 'Covered by a lifetime warranty against defects.', 'Built with recycled materials where possible.'],
  types: [
    type('Yoga Mat', 'yoga mat', [20, 90], { materials: ['natural rubber', 'TPE'], features: ['a non-slip textured surface', 'alignment lines', 'a carrying strap'], use: 'yoga, pilates and stretching', attrs: { thicknessMm: [4, 5, 6] } }),
    type('Camping Tent', 'tent', [80, 450], { materials: ['ripstop polyester with aluminum poles'], features: ['a full-coverage rainfly', 'color-coded poles', 'two doors and vestibules'], use: 'weekend camping trips', attrs: { persons: [2, 3, 4, 6], weightKg: range(1.8, 6, 0.1), waterproofRatingMm: [1500, 3000] } }),
    type('Sleeping Bag', 'sleeping bag', [50, 250], { materials: ['ripstop nylon with synthetic insulation', 'down-filled nylon'], features: ['a draft collar', 'a two-way zipper', 'a compression sack'], use: 'three-season camping', attrs: { tempRatingC: [-7, -1, 4, 10], weightKg: range(0.8, 2, 0.1) } }),
    type('Adjustable Dumbbells', 'dumbbells', [60, 350], { colors: ['Black', 'Grey'], materials: ['steel plates with a nylon tray'], features: ['a quick dial weight selector', 'a contoured grip', 'a compact storage tray'], use: 'home strength training', attrs: { maxWeightKg: [20, 24, 32] } }),
    type('Resistance Bands Set', 'resistance bands', [12, 40], { materials: ['natural latex'], features: ['five resistance levels', 'a door anchor', 'cushioned handles'], use: 'home and travel workouts', attrs: { pieces: [5, 11] } }),
    type('Insulated Water Bottle', 'water bottle', [15, 45], { weight: 1.4, materials: ['double-wall stainless steel'], features: ['drinks cold for 24 hours', 'a leak-proof lid', 'a powder-coated grip'], use: 'hikes, the gym and the office', attrs: { capacityL: [0.5, 0.75, 1] } }),
    type('Trekking Poles', 'trekking poles', [30, 140], { materials: ['carbon fiber', 'aluminum'], features: ['quick-lock adjusters', 'cork grips', 'tungsten carbide tips'], use: 'steep climbs and descents', attrs: { weightKg: range(0.4, 0.6, 0.05) } }),
    type('Cycling Helmet', 'helmet', [40, 180], { sizing: 'helmet', materials: ['in-mold polycarbonate over EPS foam'], features: ['rotational impact protection', 'twelve vents', 'a dial-fit system'], use: 'road and commuter rides' }),
    type('Rechargeable Headlamp', 'headlamp', [15, 60], { materials: ['weather-sealed aluminum'], features: ['a red night-vision mode', 'a tilting beam', 'USB-C charging'], use: 'night runs and camp chores', attrs: { lumens: [300, 500, 800], batteryLifeHours: range(6, 40, 2) } }),
    type('Foam Roller', 'foam roller', [15, 45], { materials: ['high-density EVA foam'], features: ['a textured massage surface', 'a hollow core that keeps its shape'], use: 'recovery after workouts', attrs: { lengthCm: [33, 45, 90] } }),
    type('Hydration Running Vest', 'running vest', [45, 130], { sizing: 'apparel', tags: ['running'], materials: ['stretch mesh'], features: ['two soft flasks', 'bounce-free pockets', 'an emergency whistle'], use: 'long trail runs and races', attrs: { capacityL: [5, 8, 12] } }),
  ],
};

const TOYS: CategoryDef = {
  name: 'toys',
  prefix: 'TOY',
  share: 80,
  brands: ['Tinytrek', 'Brightleaf', 'Pebble & Pine', 'Wonderblock', 'Kitebird'],
  colors: ['Multicolor', 'Multicolor', 'Red', 'Blue', 'Yellow', 'Pastel'],
  sizing: 'none',
  models: ['Explorer', 'Adventure', 'Discovery', 'Rainbow', 'Junior', 'Galaxy', 'Safari', 'Little Builders'],
  attrs: { ageRange: ['3+', '4+', '6+', '8+'] },
  finalSaleRate: 0.02,
  notes: ['Meets ASTM F963 toy safety standards.', 'Contains small parts: not for children under 3.', 'Makes a great birthday gift.'],
  types: [
    type('Building Blocks Set', 'building set', [15, 120], { weight: 1.4, materials: ['ABS plastic'], features: ['compatible bricks', 'illustrated instructions', 'a storage box'], use: 'open-ended creative play', attrs: { pieces: range(150, 1200, 50), ageRange: ['6+', '8+', '10+'] } }),
    type('Plush Teddy Bear', 'teddy bear', [10, 40], { colors: ['Honey Brown', 'Cream', 'Grey'], materials: ['recycled plush'], features: ['embroidered eyes', 'a super-soft coat', 'a machine-washable body'], use: 'cuddles and bedtime', attrs: { ageRange: ['0+', '3+'] } }),
    type('Wooden Train Set', 'train set', [25, 90], { materials: ['FSC-certified beech wood'], features: ['magnetic couplers', 'a figure-eight track', 'a wooden bridge'], use: 'imaginative play', attrs: { pieces: range(20, 60, 5), ageRange: ['3+'] } }),
    type('1000-Piece Jigsaw Puzzle', 'puzzle', [12, 30], { materials: ['recycled board'], features: ['precision-cut pieces', 'a glare-free finish', 'a poster for reference'], use: 'family game nights', attrs: { pieces: [500, 1000], ageRange: ['12+'] } }),
    type('Remote Control Car', 'RC car', [30, 120], { materials: ['shock-resistant plastic'], features: ['a rechargeable battery', 'all-terrain tires', 'a 2.4 GHz remote'], use: 'backyard racing', attrs: { ageRange: ['8+'], batteriesRequired: [false], topSpeedKmh: [20, 25, 30] } }),
    type('STEM Robot Kit', 'robot kit', [40, 150], { materials: ['ABS plastic and electronics'], features: ['a block-based coding app', 'light and distance sensors', 'step-by-step lessons'], use: 'learning to code through play', attrs: { ageRange: ['8+', '10+'], batteriesRequired: [true] } }),
    type('Family Board Game', 'board game', [20, 60], { materials: ['cardboard and wooden tokens'], features: ['quick-to-learn rules', 'beautiful illustrations', 'high replay value'], use: 'game night with family and friends', attrs: { players: ['2-4', '2-6'], ageRange: ['8+', '10+'] } }),
    type('Kids Art Kit', 'art kit', [15, 50], { materials: ['non-toxic paints and crayons'], features: ['washable markers', 'a sturdy carry case', 'a sketch pad'], use: 'rainy-day creativity', attrs: { pieces: [50, 80, 120], ageRange: ['4+', '6+'] } }),
    type('Wooden Dollhouse', 'dollhouse', [60, 200], { materials: ['sustainable wood'], features: ['three floors', 'fifteen furniture pieces', 'a working elevator'], use: 'storytelling play', attrs: { ageRange: ['3+'] } }),
    type('Magnetic Building Tiles', 'magnetic tiles', [30, 90], { materials: ['food-grade ABS with sealed magnets'], features: ['strong magnets', 'translucent colors', 'a storage bag'], use: 'STEM building fun', attrs: { pieces: [60, 100], ageRange: ['3+'] } }),
  ],
};

/** All categories, in display order. */
export const CATEGORY_DEFS: readonly CategoryDef[] = [
  CLOTHING,
  SHOES,
  ELECTRONICS,
  HOME_KITCHEN,
  BEAUTY,
  SPORTS,
  TOYS,
  BOOKS,
  JEWELRY,
  BAGS,
  FURNITURE,
  GARDEN,
  PET_SUPPLIES,
];

export const CATEGORIES: readonly string[] = CATEGORY_DEFS.map((c) => c.name);

/** Categories that shoppers often browse and buy together (session and basket structure). */
export const RELATED_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  clothing: ['shoes', 'bags', 'jewelry'],
  shoes: ['clothing', 'sports & outdoors'],
  electronics: ['bags', 'home & kitchen'],
  'home & kitchen': ['furniture', 'garden', 'books'],
  beauty: ['jewelry', 'clothing'],
  'sports & outdoors': ['shoes', 'clothing', 'bags'],
  toys: ['books'],
  books: ['toys', 'home & kitchen'],
  jewelry: ['beauty', 'clothing'],
  bags: ['clothing', 'electronics'],
  furniture: ['home & kitchen', 'garden'],
  garden: ['furniture', 'pet supplies'],
  'pet supplies': ['garden', 'home & kitchen'],
};

export function categoryDef(name: string): CategoryDef {
  const def = CATEGORY_DEFS.find((c) => c.name === name);
  if (!def) throw new Error(`unknown category ${name}`);
  return def;
}
