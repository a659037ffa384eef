// A small gazetteer so places are recognised before (and beside) the world packs: the world's
// sovereign states with the short names news copy uses, US states, continents and large regions,
// and capitals and large cities. Place names only, no facts; written for this project from common
// knowledge (the UN member list and the capitals and largest cities every atlas gives). Names that
// are also ordinary English words ("Nice", "Reading", "Mobile", "Bath") are left out on purpose:
// capitalisation at a sentence start must never make them places. Compared folded (lower case).
const words = (s: string) => s.trim().split(/\s*\n\s*|\s*,\s*/).filter(Boolean).map((w) => w.toLowerCase());

export const COUNTRIES = new Set(words(`
  Afghanistan, Albania, Algeria, Andorra, Angola, Antigua and Barbuda, Argentina, Armenia, Australia, Austria,
  Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia,
  Bosnia, Bosnia and Herzegovina, Herzegovina, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon,
  Canada, Cape Verde, Central African Republic, Chad, Chile, China, Colombia, Comoros, Congo, Costa Rica,
  Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark, Djibouti, Dominica, Dominican Republic, East Timor,
  Ecuador, Egypt, El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini, Ethiopia, Fiji, Finland, France,
  Gabon, Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guinea-Bissau, Guyana, Haiti,
  Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Ivory Coast, Jamaica,
  Japan, Jordan, Kazakhstan, Kenya, Kiribati, Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho,
  Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Macedonia, North Macedonia, Madagascar, Malawi,
  Malaysia, Maldives, Mali, Malta, Marshall Islands, Mauritania, Mauritius, Mexico, Micronesia, Moldova, Monaco,
  Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nauru, Nepal, Netherlands, Holland,
  New Zealand, Nicaragua, Niger, Nigeria, North Korea, Norway, Oman, Pakistan, Palau, Palestine, Panama,
  Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda,
  Saint Lucia, Samoa, San Marino, Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone, Singapore,
  Slovakia, Slovenia, Solomon Islands, Somalia, South Africa, South Korea, South Sudan, Spain, Sri Lanka,
  Sudan, Suriname, Sweden, Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga,
  Trinidad, Trinidad and Tobago, Tunisia, Turkey, Turkmenistan, Tuvalu, Uganda, Ukraine, United Arab Emirates,
  United Kingdom, United States, Uruguay, Uzbekistan, Vanuatu, Vatican, Venezuela, Vietnam, Yemen, Zambia,
  Zimbabwe, Britain, Great Britain, England, Scotland, Wales, Northern Ireland, America, Korea, Zaire,
  Yugoslavia, Czechoslovakia, Soviet Union, Chechnya, Tibet, Greenland, Puerto Rico, Hong Kong, Macau, Gaza,
  West Bank, Kashmir, Kurdistan, Crimea, Abkhazia, Faroe Islands, Faroes, Gibraltar, Bermuda, Cayman Islands,
  U.S., U.K., US, UK, USA, UAE
`));

export const REGIONS = new Set(words(`
  Africa, Asia, Europe, Antarctica, Oceania, North America, South America, Latin America, Central America,
  Middle East, Near East, Far East, Southeast Asia, South Asia, East Asia, Central Asia, Eastern Europe,
  Western Europe, Central Europe, Scandinavia, Balkans, Caucasus, Baltics, Caribbean, Pacific, Atlantic,
  Mediterranean, Gulf, Persian Gulf, Sahara, Siberia, Arctic, Horn of Africa, Sub-Saharan Africa,
  Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho,
  Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota,
  Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, New York,
  North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina,
  South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming,
  Ontario, Quebec, British Columbia, Alberta, Bavaria, Catalonia, Flanders, Wallonia, Corsica, Sicily,
  Sardinia, Kurdistan, Punjab, Bengal, Kerala, Xinjiang, Guangdong, Sichuan, Mindanao, Java, Sumatra,
  Borneo, Tasmania, Queensland, Yorkshire, Lancashire, Ulster, Transylvania, Anatolia, Galilee, Sinai,
  Gyeonggi, Gangwon, Jeju, Okinawa, Hokkaido, Kyushu, Bosnian Serb, Kosovo, Dagestan, Ingushetia, Kurdistan,
  Silicon Valley, Wall Street
`));

export const CITIES = new Set(words(`
  Abidjan, Abu Dhabi, Abuja, Accra, Addis Ababa, Algiers, Amman, Amsterdam, Ankara, Antwerp, Athens, Atlanta,
  Auckland, Baghdad, Baku, Baltimore, Bamako, Bangkok, Barcelona, Basra, Beijing, Beirut, Belfast, Belgrade,
  Berlin, Bern, Berne, Birmingham, Bogota, Bombay, Mumbai, Bonn, Boston, Brasilia, Bratislava, Brisbane,
  Brussels, Bucharest, Budapest, Buenos Aires, Busan, Pusan, Cairo, Calcutta, Kolkata, Canberra, Cape Town,
  Caracas, Casablanca, Chicago, Colombo, Copenhagen, Dakar, Dallas, Damascus, Dhaka, Dacca, Detroit, Dubai,
  Dublin, Durban, Dushanbe, Edinburgh, Frankfurt, Freetown, Geneva, Glasgow, Grozny, Guangzhou, Hamburg,
  Hanoi, Harare, Havana, Helsinki, Hiroshima, Ho Chi Minh City, Saigon, Houston, Incheon, Islamabad,
  Istanbul, Jakarta, Jeddah, Jerusalem, Johannesburg, Kabul, Kaesong, Kampala, Karachi, Kathmandu, Khartoum,
  Kiev, Kyiv, Kigali, Kingston, Kinshasa, Kobe, Kuala Lumpur, Kuwait City, Kyoto, Lagos, Lahore, La Paz,
  Leipzig, Lima, Lisbon, Liverpool, Ljubljana, London, Los Angeles, Luanda, Lusaka, Luxembourg, Lyon, Madrid,
  Managua, Manchester, Manila, Maputo, Marseille, Marseilles, Mecca, Medina, Melbourne, Mexico City, Miami,
  Milan, Minsk, Mogadishu, Monrovia, Montevideo, Montreal, Moscow, Munich, Nagasaki, Nairobi, Nanjing, Naples,
  New Delhi, Delhi, New Orleans, Nicosia, Osaka, Oslo, Ottawa, Panama City, Paris, Beijing, Perth,
  Philadelphia, Phnom Penh, Pittsburgh, Prague, Pretoria, Pyongyang, Quito, Rabat, Rangoon, Yangon, Riga,
  Rio de Janeiro, Riyadh, Rome, Rotterdam, St Petersburg, St. Petersburg, San Francisco, San Diego,
  San Jose, Santiago, Sao Paulo, Sarajevo, Seattle, Seoul, Shanghai, Shenzhen, Singapore, Skopje, Sofia,
  Stockholm, Strasbourg, Stuttgart, Sydney, Taipei, Tallinn, Tashkent, Tbilisi, Tegucigalpa, Tehran, Teheran,
  Tel Aviv, The Hague, Tianjin, Tirana, Tokyo, Toronto, Tripoli, Tunis, Turin, Ulan Bator, Ulaanbaatar,
  Vancouver, Venice, Vienna, Vilnius, Warsaw, Washington, Wellington, Windhoek, Yerevan, Zagreb, Zurich,
  Florence, Genoa, Bologna, Seville, Valencia, Bilbao, Porto, Oporto, Cologne, Dresden, Dusseldorf,
  Hanover, Gothenburg, Krakow, Gdansk, Odessa, Kharkiv, Kharkov, Minsk, Almaty, Bishkek, Ashgabat, Sanaa,
  Muscat, Doha, Manama, Kandahar, Peshawar, Srinagar, Chennai, Madras, Bangalore, Hyderabad, Chittagong,
  Mandalay, Hong Kong, Macau, Wuhan, Chongqing, Chengdu, Xian, Harbin, Shenyang, Dalian, Sapporo, Nagoya,
  Yokohama, Daegu, Gwangju, Daejeon, Ulsan, Sinuiju, Wonsan, Hamhung, Panmunjom, Kaohsiung, Surabaya,
  Cebu, Davao, Hebron, Ramallah, Haifa, Nablus, Gaza City, Aleppo, Homs, Mosul, Kirkuk, Erbil, Tikrit,
  Benghazi, Alexandria, Kano, Mombasa, Soweto, Kisangani, Goma, Lubumbashi, Brazzaville, Bujumbura,
  Asmara, Djibouti, Juba, Lilongwe, Gaborone, Maseru, Mbabane, Port Louis, Antananarivo, Conakry, Bissau,
  Banjul, Nouakchott, Niamey, Ouagadougou, Lome, Cotonou, Porto Novo, Yaounde, Douala, Libreville, Malabo,
  Bangui, Ndjamena, Toulouse, Bordeaux, Lille, Nantes, Manchester, Leeds, Sheffield, Bristol, Newcastle,
  Cardiff, Aberdeen, Dundee, Cork, Limerick, Galway, Marrakesh, Fez, Tangier, Oran, Constantine, Sfax,
  Phoenix, Denver, Minneapolis, Cleveland, Cincinnati, Milwaukee, St. Louis, Kansas City, Indianapolis,
  Nashville, Memphis, Charlotte, Austin, San Antonio, Las Vegas, Portland, Sacramento, Honolulu, Anchorage,
  Oklahoma City, Salt Lake City, Albuquerque, Tucson, Omaha, Orlando, Tampa, Richmond, Buffalo, Calgary,
  Edmonton, Winnipeg, Halifax, Guadalajara, Monterrey, Tijuana, Havana, Medellin, Cali, Guayaquil,
  Valparaiso, Cordoba, Rosario, Recife, Salvador, Fortaleza, Belo Horizonte, Porto Alegre, Curitiba,
  Manaus, Adelaide, Darwin, Hobart, Christchurch, Suva, Port Moresby, Sevastopol, Donetsk, Luhansk, Lviv,
  Novosibirsk, Vladivostok, Yekaterinburg, Murmansk, Kaliningrad, Chisinau, Pristina, Podgorica, Tuzla,
  Mostar, Srebrenica, Banja Luka, Dubrovnik, Thessaloniki, Izmir, Antalya, Diyarbakir, Tabriz,
  Mashhad, Isfahan, Shiraz, Qom, Herat, Mazar-i-Sharif, Jalalabad, Quetta, Rawalpindi, Multan, Faisalabad,
  Ahmedabad, Pune, Lucknow, Kanpur, Jaipur, Amritsar, Patna, Thimphu, Vientiane,
  Naypyidaw, Bandar Seri Begawan, Dili, Macao, Mostar
`));

/** Heads that make a capitalised name a place: "Gyeonggi Province", "Lake Tanganyika". */
export const PLACE_HEADS = new Set(words(`
  province, prefecture, county, state, island, islands, isles, river, sea, ocean, strait, straits, bay, gulf,
  peninsula, mountains, mountain, mount, valley, desert, lake, coast, region, district, city, town, village,
  square, street, avenue, road, airport, port, harbour, harbor, canal, plateau, heights, hills, delta, basin,
  oblast, krai, governorate, territory, territories, republic, kingdom, emirate, archipelago, border, highlands
`).filter((w) => !['state', 'republic'].includes(w)));

/** First words of a place: "Mount Everest", "Lake Geneva", "Port Said", "San Remo". */
export const PLACE_OPENERS = new Set(words('mount, mt, lake, cape, port, fort, san, santa, sao, st, saint, gulf, isle, bay, north, south, east, west, new, upper, lower, greater'));
