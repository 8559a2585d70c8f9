tracebriefSearch.terms("10",{"100000":"k"});
