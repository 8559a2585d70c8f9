tracebriefSearch.terms("ma",{"may":"k"});
