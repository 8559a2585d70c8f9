tracebriefSearch.terms("go",{"government":"m"});
