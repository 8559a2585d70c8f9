tracebriefSearch.terms("ag",{"aggression":"0","agreement":"0"});
