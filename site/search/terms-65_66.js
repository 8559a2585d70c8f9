tracebriefSearch.terms("ef",{"effective":"k"});
