window.ALMANAC_SEARCH = [
["actors/alice.html","Alice Example","actor","","","Ally","alice took part event summit 2022 see bob"],
["actors/bob.html","Bob","actor","","","","bob ran poll"],
["events/later.html","Later thing","event","2022","","","later"],
["events/summit-2022.html","The Summit","event","6 March 2022","","","the summit was held cited article figures 000 people code span and image raw html left out"],
["polls/poll-one.html","Poll one","poll","May 2022","","","poll"],
["sources/article.html","An article","source","2 January 2023","","","text"],
["pages/about.html","About","page","","","","about actor alice"]
];
